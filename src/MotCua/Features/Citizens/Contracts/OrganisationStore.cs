using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens.Contracts;

public sealed record OrganisationInput(string? TaxCode, string? Name, string? Address, string? RepresentativeIdNumber, string? Phone, string? Email)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Contracts.TaxCode.FormatError(Contracts.TaxCode.Normalize(TaxCode)) is { } taxError)
        {
            errors["taxCode"] = [taxError];
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["Cần tên tổ chức (name is required)."];
        }

        if (!string.IsNullOrWhiteSpace(RepresentativeIdNumber) && CitizenIdNumber.FormatError(RepresentativeIdNumber.Trim()) is { } idError)
        {
            errors["representativeIdNumber"] = [idError];
        }

        return errors;
    }
}

public sealed record OrganisationView(Guid Id, string TaxCode, string Name, string? Address, string? RepresentativeIdNumber, string? Phone, string? Email);

public sealed record OrganisationList(IReadOnlyList<OrganisationView> Items);

/// <summary>Organisations in the once-only store, keyed by enterprise/tax code.</summary>
public sealed class OrganisationStore(AppDbContext db, TimeProvider clock)
{
    public async Task<OrganisationView> SaveAsync(OrganisationInput input, CancellationToken ct = default)
    {
        var code = TaxCode.Normalize(input.TaxCode)!;
        var organisation = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.TaxCode == code, ct);
        if (organisation is null)
        {
            organisation = new Organisation { TaxCode = code, CreatedAt = clock.GetUtcNow() };
            db.Add(organisation);
        }

        organisation.Name = input.Name!.Trim();
        organisation.NameFolded = SearchText.Fold(organisation.Name);
        organisation.Address = input.Address?.Trim() ?? organisation.Address;
        organisation.RepresentativeIdNumber = input.RepresentativeIdNumber?.Trim() ?? organisation.RepresentativeIdNumber;
        organisation.Phone = CitizenStore.NormalizePhone(input.Phone) ?? organisation.Phone;
        organisation.Email = input.Email?.Trim().ToLowerInvariant() ?? organisation.Email;
        await db.SaveChangesAsync(ct);
        return View(organisation);
    }

    public async Task<List<OrganisationView>> SearchAsync(string query, CancellationToken ct = default)
    {
        var code = TaxCode.Normalize(query)!;
        var folded = SearchText.Fold(query);
        var end = folded + "\uffff";
        var rows = await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.TaxCode.StartsWith(code) || (o.NameFolded.CompareTo(folded) >= 0 && o.NameFolded.CompareTo(end) < 0))
            .OrderBy(o => o.NameFolded).Take(50).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    private static OrganisationView View(Organisation o) => new(o.Id, o.TaxCode, o.Name, o.Address, o.RepresentativeIdNumber, o.Phone, o.Email);
}

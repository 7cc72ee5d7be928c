using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens.Contracts;

public sealed record OrganisationInput(
    string? TaxCode,
    [property: Required(ErrorMessage = "Organisation.NameRequired"), MaxLength(300, ErrorMessage = "Organisation.NameTooLong")] string? Name,
    [property: MaxLength(500, ErrorMessage = "Intake.AddressTooLong")] string? Address,
    string? RepresentativeIdNumber,
    [property: MaxLength(20, ErrorMessage = "Organisation.PhoneTooLong")] string? Phone,
    string? Email) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Contracts.TaxCode.FormatError(Contracts.TaxCode.Normalize(TaxCode)) is { } taxError)
        {
            yield return new(taxError, [nameof(TaxCode)]);
        }

        if (Notifications.Contracts.EmailAddress.Error(Email) is { } emailError)
        {
            yield return new(emailError, [nameof(Email)]);
        }

        if (!string.IsNullOrWhiteSpace(RepresentativeIdNumber) && CitizenIdNumber.FormatError(RepresentativeIdNumber.Trim()) is { } idError)
        {
            yield return new(idError, [nameof(RepresentativeIdNumber)]);
        }
    }
}

public sealed record OrganisationView(Guid Id, string TaxCode, string Name, string? Address, string? RepresentativeIdNumber, string? Phone, string? Email);

public sealed record OrganisationList(IReadOnlyList<OrganisationView> Items);

/// <summary>Organisations in the once-only store, keyed by enterprise/tax code.</summary>
public sealed class OrganisationStore(AppDbContext db, TimeProvider clock)
{
    /// <summary>Adds or updates the organisation; every value that changes is kept with its source and time, the old one superseded.</summary>
    public async Task<OrganisationView> SaveAsync(OrganisationInput input, ProfileSource source, string? by, CancellationToken ct = default)
    {
        var code = TaxCode.Normalize(input.TaxCode)!;
        var now = clock.GetUtcNow();
        var organisation = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.TaxCode == code, ct);
        if (organisation is null)
        {
            // Two counters adding the same new organisation at once: one inserts, the other finds it.
            await InsertIfAbsent.RunAsync(db, new Organisation { TaxCode = code, CreatedAt = now }, [nameof(Organisation.TaxCode)], ct: ct);
            organisation = await db.Set<Organisation>().FirstAsync(o => o.TaxCode == code, ct);
        }

        var current = await db.Set<OrganisationValue>().Where(v => v.OrganisationId == organisation.Id && v.State == ProfileValueState.Current).ToListAsync(ct);
        string? Observe(string field, string? value, string? existing)
        {
            value = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (value is null || value == existing)
            {
                return existing;
            }

            foreach (var old in current.Where(v => v.Field == field))
            {
                old.State = ProfileValueState.Superseded;
            }

            db.Add(new OrganisationValue { OrganisationId = organisation.Id, Field = field, Value = value, Source = source, ObservedAt = now, ObservedBy = by, State = ProfileValueState.Current });
            return value;
        }

        organisation.Name = Observe("name", input.Name, organisation.Name.Length == 0 ? null : organisation.Name)!;
        organisation.NameFolded = SearchText.Fold(organisation.Name);
        organisation.Address = Observe("address", input.Address, organisation.Address);
        organisation.RepresentativeIdNumber = Observe("representativeIdNumber", input.RepresentativeIdNumber, organisation.RepresentativeIdNumber);
        organisation.Phone = Observe("phone", CitizenStore.NormalizePhone(input.Phone), organisation.Phone);
        organisation.Email = Observe("email", input.Email?.ToLowerInvariant(), organisation.Email);
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

using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;

namespace MotCua.Features.Citizens;

/// <summary>The citizen store's answer to citizen accounts (<see cref="ICitizenDirectory"/>).</summary>
internal sealed class CitizenDirectory(CitizenRecords records, CitizenIntake intake) : ICitizenDirectory
{
    public async Task<CitizenReach?> ReachAsync(string idNumber, CancellationToken ct = default)
    {
        if (await records.OwnAsync(idNumber, ct) is not { } own)
        {
            return null;
        }

        string? Field(string name) => own.Fields.FirstOrDefault(f => f.Field == name)?.Value;
        return new CitizenReach(own.FullName, Field("phone"), Field("email"));
    }

    public Task VouchedAsync(VouchedCitizen citizen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        Sex? sex = citizen.Sex switch { "female" => Sex.Female, "male" => Sex.Male, _ => null };
        return intake.FromNationalIdentityAsync(new CitizenObservation(citizen.IdNumber, citizen.FullName, citizen.DateOfBirth, sex, Phone: citizen.Phone, Email: citizen.Email), ct);
    }
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Queue;

/// <summary>
/// A kiosk (ticket machine) of an office: the office's leaders issue it a key, shown once and kept by the kiosk;
/// only a request carrying a live key of the office is given a ticket. The key itself is never stored, only its hash.
/// </summary>
public sealed class KioskDevice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OfficeId { get; init; }

    public required string Name { get; init; }

    /// <summary>SHA-256 of the key, hex.</summary>
    public required string KeyHash { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public string? IssuedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A one-time code sent by SMS to the phone that books a visit: the booking proves a real, reachable person.</summary>
public sealed class BookingCode
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Phone { get; init; }

    /// <summary>SHA-256 of the code and the row's id, hex.</summary>
    public required string CodeHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class DevicesConfiguration : IEntityTypeConfiguration<KioskDevice>, IEntityTypeConfiguration<BookingCode>
{
    public void Configure(EntityTypeBuilder<KioskDevice> builder)
    {
        builder.ToTable("queue_kiosk");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.KeyHash).IsUnique();
        builder.HasIndex(x => x.OfficeId);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.KeyHash).HasMaxLength(64);
        builder.Property(x => x.IssuedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<BookingCode> builder)
    {
        builder.ToTable("queue_booking_code");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.Phone, x.CreatedAt });
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.CodeHash).HasMaxLength(64);
    }
}

public sealed record KioskView(Guid Id, string Name, DateTimeOffset IssuedAt, string? IssuedBy, DateTimeOffset? RevokedAt);

/// <summary>Issues, lists, revokes and checks the keys of an office's kiosks.</summary>
public sealed class KioskKeys(AppDbContext db, Infrastructure.Demo.DemoFlag demo, Microsoft.Extensions.Options.IOptions<QueueOptions> options, TimeProvider clock)
{
    /// <summary>The request header a kiosk sends its key in.</summary>
    public const string Header = "X-Kiosk-Key";

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public async Task<(KioskView Kiosk, string Key)> IssueAsync(Guid officeId, string name, string? by, CancellationToken ct = default)
    {
        var key = "MK-" + RandomNumberGenerator.GetString(Alphabet, 24);
        var kiosk = new KioskDevice { OfficeId = officeId, Name = name.Trim(), KeyHash = Hash(key), IssuedAt = clock.GetUtcNow(), IssuedBy = by };
        db.Add(kiosk);
        await db.SaveChangesAsync(ct);
        return (View(kiosk), key);
    }

    /// <summary>A kiosk with a key known in advance (the demo city's, printed in the README).</summary>
    internal void Add(Guid officeId, string name, string key) =>
        db.Add(new KioskDevice { OfficeId = officeId, Name = name, KeyHash = Hash(key), IssuedAt = clock.GetUtcNow(), IssuedBy = "demo" });

    public Task<List<KioskView>> ForOfficeAsync(Guid officeId, CancellationToken ct = default) =>
        db.Set<KioskDevice>().AsNoTracking().Where(k => k.OfficeId == officeId).OrderBy(k => k.IssuedAt)
            .Select(k => new KioskView(k.Id, k.Name, k.IssuedAt, k.IssuedBy, k.RevokedAt)).ToListAsync(ct);

    public async Task<bool> RevokeAsync(Guid officeId, Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await db.Set<KioskDevice>().Where(k => k.Id == id && k.OfficeId == officeId && k.RevokedAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, now), ct) == 1;
    }

    /// <summary>Whether a ticket may be given to this request: a live key of the office, or an ordinary ticket in a demo city (<see cref="QueueOptions.KioskKeys"/>).</summary>
    public async Task<bool> MayIssueAsync(Guid officeId, string? key, bool priority, CancellationToken ct = default) =>
        await ValidAsync(officeId, key, ct)
        || (!priority && options.Value.KioskKeys == KioskKeyMode.Auto && await demo.IsDemoAsync(ct));

    /// <summary>Whether <paramref name="key"/> is a live key of one of the office's kiosks.</summary>
    public async Task<bool> ValidAsync(Guid officeId, string? key, CancellationToken ct = default)
    {
        if (key is not { Length: > 10 and < 100 })
        {
            return false;
        }

        var hash = Hash(key.Trim());
        return await db.Set<KioskDevice>().AnyAsync(k => k.KeyHash == hash && k.OfficeId == officeId && k.RevokedAt == null, ct);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private static KioskView View(KioskDevice k) => new(k.Id, k.Name, k.IssuedAt, k.IssuedBy, k.RevokedAt);
}

/// <summary>
/// One-time codes by SMS for booking a visit: a code lives 10 minutes, allows 5 tries, serves one booking; a phone gets
/// at most 3 codes in 15 minutes. Bookings are then counted per phone and day (<see cref="QueueOptions.BookingsPerPersonPerDay"/>).
/// </summary>
public sealed class BookingCodes(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int MaxTries = 5;
    private const int MaxPerQuarterHour = 3;

    /// <summary>A Vietnamese mobile number in its 10-digit form (0xxxxxxxxx), from "+84 9…", "84 9…" or "09…", or null.</summary>
    public static string? NormalizePhone(string? phone)
    {
        var digits = new string([.. (phone ?? "").Where(char.IsAsciiDigit)]);
        if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        return digits.Length == 10 && digits[0] == '0' && (phone ?? "").Length <= 20 ? digits : null;
    }

    /// <summary>Sends a code to the phone by SMS (through the outbox): when it expires, or why not.</summary>
    public async Task<Result<DateTimeOffset>> SendAsync(string? phone, CancellationToken ct = default)
    {
        if (NormalizePhone(phone) is not { } number)
        {
            return Failure.Invalid("phone", Texts.Get("Booking.MobileRequired"));
        }

        var now = clock.GetUtcNow();
        var since = now.AddMinutes(-15);
        if (await db.Set<BookingCode>().CountAsync(c => c.Phone == number && c.CreatedAt >= since, ct) >= MaxPerQuarterHour)
        {
            return Failure.TooMany(Texts.Get("Booking.TooManyCodes"), Texts.Get("Queue.TooManyCodesTitle"), "phone");
        }

        var code = RandomNumberGenerator.GetString("0123456789", 6);
        var id = Guid.CreateVersion7();
        var row = new BookingCode { Id = id, Phone = number, CodeHash = Hash(id, code), CreatedAt = now, ExpiresAt = now + Lifetime };
        db.Add(row);
        Notifications.Contracts.Outbox.ToCitizen(db, new Notifications.Contracts.CitizenContact(null, null, number), $"booking-code/{row.Id}",
            "Mã xác nhận đặt lịch", $"Mã xác nhận đặt lịch hẹn của Ông/Bà là {code}, có hiệu lực 10 phút. Không đưa mã này cho người khác.", null, now);
        await db.SaveChangesAsync(ct);
        return row.ExpiresAt;
    }

    /// <summary>Uses the phone's latest live code if <paramref name="code"/> is it (saved with the caller's booking); false otherwise.</summary>
    public async Task<bool> UseAsync(string phone, string? code, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var latest = await db.Set<BookingCode>().Where(c => c.Phone == phone && c.UsedAt == null && c.ExpiresAt > now && c.Attempts < MaxTries)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (latest is null || code is not { Length: 6 })
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(latest.CodeHash), System.Text.Encoding.ASCII.GetBytes(Hash(latest.Id, code))))
        {
            latest.Attempts++;
            await db.SaveChangesAsync(ct);
            return false;
        }

        latest.UsedAt = now;
        return true;
    }

    private static string Hash(Guid id, string code) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{id:N}:{code}")));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Queue;

/// <summary>A queue of an office: a ticket prefix and the procedure fields it serves.</summary>
public sealed class QueueService
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OfficeId { get; init; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>One letter printed before the number: A1005.</summary>
    public required string Prefix { get; set; }

    /// <summary>Catalog field codes (lĩnh vực) the service covers.</summary>
    public List<string> Fields { get; set; } = [];

    public int SortOrder { get; set; }
}

/// <summary>A counter (quầy) of an office: its number on the board, the services it serves, who sits there now.</summary>
public sealed class QueueCounter
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OfficeId { get; init; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public List<string> Services { get; set; } = [];

    public string? Officer { get; set; }
}

public enum TicketStatus
{
    Waiting,
    Called,
    Done,
    NoShow,

    /// <summary>Set aside at its counter (the visitor fetches a missing paper); resumed by calling it again.</summary>
    Parked,
}

/// <summary>
/// A ticket taken at the kiosk. <see cref="RankAt"/> is when it counts as having arrived for the order of calling:
/// the issue time, earlier by the office's priority weight for priority visitors (the elderly, people with a
/// disability, pregnant women, children, meritorious persons), so that they go first without waiting forever
/// behind one another's arrival.
/// </summary>
public sealed class Ticket
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OfficeId { get; init; }

    public required string ServiceCode { get; set; }

    public DateOnly Day { get; init; }

    public int Sequence { get; init; }

    /// <summary>As printed and announced: prefix and number, e.g. <c>A1005</c>.</summary>
    public required string Number { get; init; }

    public bool Priority { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset RankAt { get; set; }

    public TicketStatus Status { get; set; }

    public Guid? CounterId { get; set; }

    public string? CalledBy { get; set; }

    public DateTimeOffset? CalledAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int Recalls { get; set; }

    /// <summary>The dossier received from this ticket (intake started from the counter panel).</summary>
    public string? DossierCode { get; set; }
}

/// <summary>The last number an office gave under a prefix on a day.</summary>
public sealed class TicketSequence
{
    public Guid OfficeId { get; init; }

    public required string Prefix { get; init; }

    public DateOnly Day { get; init; }

    public int Last { get; set; }
}

/// <summary>Queue settings of an office.</summary>
public sealed class QueueOffice
{
    public Guid OfficeId { get; init; }

    /// <summary>How many minutes ahead a priority ticket is ranked.</summary>
    public int PriorityWeightMinutes { get; set; } = 20;

    /// <summary>Length of a booking slot, in minutes.</summary>
    public int SlotMinutes { get; set; } = 30;

    /// <summary>Visitors that may book one slot of one service.</summary>
    public int SlotCapacity { get; set; } = 3;

    /// <summary>How early before the slot a booked visitor may check in and keep the slot's place.</summary>
    public int EarlyMinutes { get; set; } = 30;

    /// <summary>How late after the slot's start a booked visitor still keeps it; later, they queue as a walk-in.</summary>
    public int LateMinutes { get; set; } = 15;
}

public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    Cancelled,
}

/// <summary>A slot booked online for a service of an office; checked in at the kiosk with its code.</summary>
public sealed class Appointment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OfficeId { get; init; }

    public required string ServiceCode { get; init; }

    public DateOnly Day { get; init; }

    public TimeOnly Start { get; init; }

    /// <summary>What the visitor types at the kiosk: six characters, no look-alikes.</summary>
    public required string Code { get; init; }

    public required string FullName { get; init; }

    public string? Phone { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public AppointmentStatus Status { get; set; }

    public Guid? TicketId { get; set; }
}

/// <summary>How many visitors booked a slot; the conditional upsert on it keeps bookings within capacity.</summary>
public sealed class AppointmentSlot
{
    public Guid OfficeId { get; init; }

    public required string ServiceCode { get; init; }

    public DateOnly Day { get; init; }

    public TimeOnly Start { get; init; }

    public int Booked { get; set; }
}

internal sealed class QueueConfiguration :
    IEntityTypeConfiguration<QueueService>, IEntityTypeConfiguration<QueueCounter>, IEntityTypeConfiguration<Ticket>,
    IEntityTypeConfiguration<TicketSequence>, IEntityTypeConfiguration<QueueOffice>, IEntityTypeConfiguration<Appointment>, IEntityTypeConfiguration<AppointmentSlot>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("queue_appointment");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.OfficeId, x.Code }).IsUnique();
        builder.HasIndex(x => new { x.OfficeId, x.Day, x.Start });
        builder.HasIndex(x => new { x.Phone, x.Day });
        builder.Property(x => x.ServiceCode).HasMaxLength(20);
        builder.Property(x => x.Code).HasMaxLength(10);
        builder.Property(x => x.FullName).HasMaxLength(200);
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<AppointmentSlot> builder)
    {
        builder.ToTable("queue_slot");
        builder.HasKey(x => new { x.OfficeId, x.ServiceCode, x.Day, x.Start });
        builder.Property(x => x.ServiceCode).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<QueueService> builder)
    {
        builder.ToTable("queue_service");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.OfficeId, x.Code }).IsUnique();
        builder.Property(x => x.Code).HasMaxLength(20);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Prefix).HasMaxLength(2);
        builder.PrimitiveCollection(x => x.Fields);
    }

    public void Configure(EntityTypeBuilder<QueueCounter> builder)
    {
        builder.ToTable("queue_counter");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.OfficeId, x.Number }).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Officer).HasMaxLength(100);
        builder.PrimitiveCollection(x => x.Services);
    }

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("queue_ticket");
        builder.HasKey(x => x.Id);
        // The waiting line of each service of an office's day, in calling order: a counter reads the head of each
        // line it serves from this index alone, without sorting the line.
        builder.HasIndex(x => new { x.OfficeId, x.Day, x.Status, x.ServiceCode, x.RankAt, x.Id });
        builder.HasIndex(x => new { x.OfficeId, x.Day, x.Number }).IsUnique();
        // What a counter is serving (calling the next ends it; recall, park, done, no-show find it).
        builder.HasIndex(x => new { x.CounterId, x.Status });
        builder.Property(x => x.ServiceCode).HasMaxLength(20);
        builder.Property(x => x.Number).HasMaxLength(10);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.CalledBy).HasMaxLength(100);
        builder.Property(x => x.DossierCode).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<TicketSequence> builder)
    {
        builder.ToTable("queue_sequence");
        builder.HasKey(x => new { x.OfficeId, x.Prefix, x.Day });
        builder.Property(x => x.Prefix).HasMaxLength(2);
    }

    public void Configure(EntityTypeBuilder<QueueOffice> builder)
    {
        builder.ToTable("queue_office");
        builder.HasKey(x => x.OfficeId);
    }
}

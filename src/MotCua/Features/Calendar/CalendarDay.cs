using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Calendar;

/// <summary>A year whose official schedule is loaded; a year without one is projected and provisional.</summary>
public sealed class CalendarYear
{
    public int Year { get; init; }

    public string? Source { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    public string? LoadedBy { get; set; }
}

public enum CalendarDayKind
{
    DayOff,
    WorkingSaturday,
}

/// <summary>One day of an official schedule: a day off (with its name) or a Saturday worked instead of a weekday.</summary>
public sealed class CalendarDay
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public int Year { get; init; }

    public DateOnly Date { get; init; }

    public CalendarDayKind Kind { get; init; }

    public string Name { get; init; } = "";

    /// <summary>For a working Saturday: the weekday given off in exchange.</summary>
    public DateOnly? Replaces { get; init; }
}

/// <summary>An office's hours: the same-day cutoff, the end of its working day, Saturday-morning reception.</summary>
public sealed class OfficeHoursSetting
{
    public Guid OfficeId { get; init; }

    public TimeOnly SameDayCutoff { get; set; }

    public TimeOnly EndOfDay { get; set; }

    public bool ReceivesSaturdayMorning { get; set; }
}

internal sealed class CalendarConfiguration :
    IEntityTypeConfiguration<CalendarYear>, IEntityTypeConfiguration<CalendarDay>, IEntityTypeConfiguration<OfficeHoursSetting>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("calendar_year");
        builder.HasKey(x => x.Year);
        builder.Property(x => x.Year).ValueGeneratedNever();
        builder.Property(x => x.Source).HasMaxLength(500);
        builder.Property(x => x.LoadedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("calendar_day");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.Date).IsUnique();
        builder.HasIndex(x => x.Year);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.HasOne<CalendarYear>().WithMany().HasForeignKey(x => x.Year).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<OfficeHoursSetting> builder)
    {
        builder.ToTable("calendar_office_hours");
        builder.HasKey(x => x.OfficeId);
    }
}

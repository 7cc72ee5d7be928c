using BenchmarkDotNet.Attributes;
using MotCua.Features.Calendar;
using MotCua.Features.Calendar.Contracts;

namespace MotCua.Benchmarks;

/// <summary>Due-date computation on the calendar built from the shipped rules and official schedules.</summary>
[MemoryDiagnoser]
public class DueDateBenchmarks
{
    private static readonly DateOnly Received = new(2026, 2, 12);
    private static readonly DateTimeOffset ReceivedAt = new(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(7));
    private WorkingDayCalendar calendar = null!;

    [Params(0, 3, 30, 365)]
    public int WorkingDays { get; set; }

    [GlobalSetup]
    public void Setup() => calendar = WorkingDayCalendar.Build(HolidayRules.LoadEmbedded(), CalendarStore.EmbeddedSchedules());

    [Benchmark(Baseline = true)]
    public DateOnly DueDate() => calendar.DueDate(Received, WorkingDays);

    [Benchmark]
    public DueDate DueDateWithExplanation() => calendar.Explain(ReceivedAt, WorkingDays, OfficeHours.Default);
}

/// <summary>Building the whole 1900–2100 calendar (what a schedule change costs once).</summary>
[MemoryDiagnoser]
public class CalendarBuildBenchmarks
{
    private readonly HolidayRules rules = HolidayRules.LoadEmbedded();
    private readonly List<OfficialSchedule> official = CalendarStore.EmbeddedSchedules();

    [Benchmark]
    public WorkingDayCalendar Build() => WorkingDayCalendar.Build(rules, official);
}

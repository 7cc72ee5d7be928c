using System.Globalization;
using MotCua.Features.Calendar;
using MotCua.Features.Calendar.Contracts;

namespace MotCua.Tests.Features.Calendar;

/// <summary>The civil-service calendar built from the shipped rules and official schedules (DOMAIN.md §8).</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Build(HolidayRules.LoadEmbedded(), CalendarStore.EmbeddedSchedules());
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string s) => new(DateTime.Parse(s, CultureInfo.InvariantCulture), Vn);

    [Fact]
    public void Three_working_days_from_12_February_2026_skip_the_whole_Tet_break()
    {
        var due = Calendar.Explain(At("2026-02-12T10:00"), 3, OfficeHours.Default);
        Assert.Equal(D("2026-02-24"), due.Date);
        Assert.Equal(new DateTimeOffset(2026, 2, 24, 17, 0, 0, Vn), due.DueAt);
        Assert.False(due.Provisional);
        Assert.Equal(D("2026-02-14"), due.Skipped[0].Date);
        Assert.Equal(Enumerable.Range(14, 9).Select(d => new DateOnly(2026, 2, d)), due.Skipped.Select(s => s.Date));
        Assert.Equal("Tết Nguyên đán", due.Skipped[0].Reason);
    }

    public static TheoryData<string> OfficialWeekdaysOff()
    {
        var data = new TheoryData<string>();
        foreach (var schedule in CalendarStore.EmbeddedSchedules().Where(s => s.Year is 2025 or 2026))
        {
            foreach (var range in schedule.DaysOff)
            {
                for (var d = range.From; d <= range.To; d = d.AddDays(1))
                {
                    if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    {
                        data.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OfficialWeekdaysOff))]
    public void Each_official_day_off_of_2025_and_2026_is_skipped(string day)
    {
        var date = D(day);
        Assert.False(Calendar.IsWorkingDay(date));
        var dayBefore = date.AddDays(-1);
        var due = Calendar.Explain(new DateTimeOffset(dayBefore.ToDateTime(new TimeOnly(9, 0)), Vn), 1, OfficeHours.Default);
        Assert.True(due.Date > date);
        Assert.Contains(due.Skipped, s => s.Date == date);
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2025-04-07")]
    [InlineData("2025-04-30")]
    [InlineData("2025-05-01")]
    [InlineData("2025-05-02")]
    [InlineData("2025-09-01")]
    [InlineData("2025-09-02")]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-02")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-20")]
    [InlineData("2026-04-27")]
    [InlineData("2026-04-30")]
    [InlineData("2026-05-01")]
    [InlineData("2026-08-31")]
    [InlineData("2026-09-01")]
    [InlineData("2026-09-02")]
    public void Named_holidays_of_DOMAIN_are_days_off(string day) => Assert.False(Calendar.IsWorkingDay(D(day)));

    [Theory]
    [InlineData("2026-01-09", "2026-01-10")] // Sat 10 Jan 2026 worked for Fri 2 Jan
    [InlineData("2026-08-21", "2026-08-22")] // Sat 22 Aug 2026 worked for Mon 31 Aug
    [InlineData("2025-04-25", "2025-04-26")] // Sat 26 Apr 2025 worked for Fri 2 May
    public void Make_up_Saturdays_count_as_working_days(string received, string due)
    {
        Assert.True(Calendar.IsWorkingDay(D(due)));
        Assert.Equal(D(due), Calendar.DueDate(D(received), 1));
    }

    [Fact]
    public void New_year_2026_break_runs_from_Thursday_to_Sunday()
    {
        var due = Calendar.Explain(At("2025-12-31T09:00"), 1, OfficeHours.Default);
        Assert.Equal(D("2026-01-05"), due.Date);
        Assert.Equal([D("2026-01-01"), D("2026-01-02"), D("2026-01-03"), D("2026-01-04")], due.Skipped.Select(s => s.Date));
    }

    [Fact]
    public void Day_of_receipt_is_not_counted()
    {
        Assert.Equal(D("2026-03-03"), Calendar.DueDate(D("2026-03-02"), 1));
        Assert.Equal(D("2026-03-06"), Calendar.DueDate(D("2026-03-02"), 4));
        Assert.Equal(D("2026-03-09"), Calendar.DueDate(D("2026-03-02"), 5));
    }

    [Fact]
    public void Received_on_a_Saturday_counts_from_Monday()
    {
        Assert.Equal(D("2026-03-09"), Calendar.DueDate(D("2026-03-07"), 1));
        var saturdayOffice = OfficeHours.Default with { ReceivesSaturdayMorning = true };
        Assert.Equal(D("2026-03-09"), Calendar.Explain(At("2026-03-07T09:30"), 1, saturdayOffice).Date);
        Assert.Equal(D("2026-03-09"), Calendar.Explain(At("2026-03-07T09:30"), 0, saturdayOffice).Date);
    }

    [Theory]
    [InlineData("2026-03-02T14:59", "2026-03-02")]
    [InlineData("2026-03-02T15:00", "2026-03-02")]
    [InlineData("2026-03-02T15:01", "2026-03-03")]
    [InlineData("2026-03-06T15:01", "2026-03-09")] // Friday after the cutoff: Monday
    [InlineData("2026-04-29T16:00", "2026-05-04")] // before the 30/4–1/5 break
    public void Same_day_procedure_respects_the_15_00_cutoff(string received, string due) =>
        Assert.Equal(D(due), Calendar.Explain(At(received), 0, OfficeHours.Default).Date);

    [Fact]
    public void Office_cutoff_is_per_office()
    {
        var early = OfficeHours.Default with { SameDayCutoff = new TimeOnly(11, 0), EndOfDay = new TimeOnly(16, 30) };
        var due = Calendar.Explain(At("2026-03-02T11:30"), 0, early);
        Assert.Equal(D("2026-03-03"), due.Date);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 16, 30, 0, Vn), due.DueAt);
    }

    [Fact]
    public void Instant_in_UTC_is_read_in_Vietnam_time()
    {
        // 08:30 UTC is 15:30 in Hà Nội: after the cutoff.
        var due = Calendar.Explain(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), 0, OfficeHours.Default);
        Assert.Equal(D("2026-03-03"), due.Date);
    }

    [Fact]
    public void A_year_without_an_official_schedule_is_projected_and_provisional()
    {
        Assert.False(Calendar.IsProvisional(2026));
        Assert.True(Calendar.IsProvisional(2027));
        // Tết 2027: new year Sat 6 Feb; the break is 5–9 Feb, and the Saturday and Sunday give Wed 10 and Thu 11.
        foreach (var day in new[] { "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11" })
        {
            Assert.False(Calendar.IsWorkingDay(D(day)), day);
        }

        Assert.True(Calendar.IsWorkingDay(D("2027-02-12")));
        Assert.False(Calendar.IsWorkingDay(D("2027-01-01")));
        Assert.False(Calendar.IsWorkingDay(D("2027-04-16"))); // Hùng Kings 2027 (10/3 lunar)
        Assert.False(Calendar.IsWorkingDay(D("2027-09-02"))); // Thursday
        Assert.False(Calendar.IsWorkingDay(D("2027-09-01"))); // the adjacent day
        Assert.False(Calendar.IsWorkingDay(D("2027-05-03"))); // 1 May 2027 is a Saturday: Monday off
        Assert.True(Calendar.Explain(At("2026-12-29T09:00"), 5, OfficeHours.Default).Provisional);
        Assert.False(Calendar.Explain(At("2026-12-21T09:00"), 5, OfficeHours.Default).Provisional);
    }

    [Fact]
    public void Projection_reproduces_the_official_2026_Tet_break()
    {
        var projected = HolidayRules.LoadEmbedded().Project(2026);
        foreach (var day in new[] { "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20" })
        {
            Assert.Equal("Tết Nguyên đán", projected[D(day)]);
        }
    }

    [Fact]
    public void Announced_holiday_without_a_first_year_is_not_applied()
    {
        var culture = HolidayRules.LoadEmbedded().Rules.Single(r => r.Month == 11 && r.Day == 24);
        Assert.Null(culture.From);
        Assert.True(Calendar.IsWorkingDay(D("2027-11-24")));
    }

    [Fact]
    public void Supplement_pause_moves_the_deadline_by_exactly_the_paused_working_days_when_resuming()
    {
        // Received Mon 2 Mar 2026, 5 working days: due Mon 9 Mar. Paused Wed 4 Mar, complete again Tue 10 Mar.
        var due = Calendar.DueDate(D("2026-03-02"), 5);
        Assert.Equal(D("2026-03-09"), due);
        var paused = Calendar.WorkingDaysBetween(D("2026-03-04"), D("2026-03-10"));
        Assert.Equal(4, paused); // Thu, Fri, Mon, Tue
        Assert.Equal(D("2026-03-13"), Calendar.AfterPause(due, 5, D("2026-03-04"), D("2026-03-10"), ClockPolicy.Resume));
        Assert.Equal(D("2026-03-17"), Calendar.AfterPause(due, 5, D("2026-03-04"), D("2026-03-10"), ClockPolicy.Restart));
    }

    [Fact]
    public void Span_of_365_working_days_is_computed_and_beyond_2100_is_refused()
    {
        Assert.True(Calendar.DueDate(D("2026-01-05"), 365) > D("2027-06-01"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueDate(D("2100-12-01"), 365));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueDate(D("2026-01-05"), -1));
    }
}

using System.Globalization;
using MotCua.Features.Calendar.Contracts;

namespace MotCua.Tests.Features.Calendar;

public sealed class LunarCalendarTests
{
    /// <summary>
    /// Vietnamese lunar new year (Tết Nguyên đán) dates. Sources: the Vietnamese calendar tables computed at UTC+7
    /// by Hồ Ngọc Đức ("Âm lịch Việt Nam", 1800–2199), which agree with the printed Vietnamese calendars; 1968
    /// (Tết Mậu Thân: 29 Jan in the north, which had moved to UTC+7), 1985 (21 Jan in Vietnam, 20 Feb in China)
    /// and 2007 (17 Feb in Vietnam, 18 Feb in China) are the documented years where Vietnam and China differ; 2030 is
    /// the next (the new moon falls at 23:07 in Hà Nội on 2 February, 00:07 in Beijing on 3 February).
    /// </summary>
    [Theory]
    [InlineData(1968, "1968-01-29")]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2000, "2000-02-05")]
    [InlineData(2001, "2001-01-24")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2010, "2010-02-14")]
    [InlineData(2015, "2015-02-19")]
    [InlineData(2016, "2016-02-08")]
    [InlineData(2017, "2017-01-28")]
    [InlineData(2018, "2018-02-16")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")]
    public void Lunar_new_year_matches_the_Vietnamese_calendar(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VietnameseLunarCalendar.LunarNewYear(year));

    [Fact]
    public void The_Chinese_calendar_of_dotnet_gives_another_new_year_in_1985_2007_and_2030()
    {
        var chinese = new ChineseLunisolarCalendar();
        DateOnly ChineseNewYear(int year) => DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));
        Assert.Equal(new DateOnly(1985, 2, 20), ChineseNewYear(1985));
        Assert.Equal(new DateOnly(2007, 2, 18), ChineseNewYear(2007));
        Assert.Equal(new DateOnly(2030, 2, 3), ChineseNewYear(2030));
        Assert.NotEqual(ChineseNewYear(2030), VietnameseLunarCalendar.LunarNewYear(2030));
        Assert.NotEqual(ChineseNewYear(1985), VietnameseLunarCalendar.LunarNewYear(1985));
        Assert.NotEqual(ChineseNewYear(2007), VietnameseLunarCalendar.LunarNewYear(2007));
    }

    [Theory]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_is_the_tenth_day_of_the_third_lunar_month(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VietnameseLunarCalendar.ToSolar(year, 3, 10));

    [Theory]
    [InlineData("2026-02-17", 2026, 1, 1)]
    [InlineData("2026-02-16", 2025, 12, 29)]
    [InlineData("2025-09-06", 2025, 7, 15)]
    public void Solar_to_lunar_and_back(string solar, int year, int month, int day)
    {
        var date = DateOnly.Parse(solar, CultureInfo.InvariantCulture);
        var lunar = VietnameseLunarCalendar.ToLunar(date);
        Assert.Equal((year, month, day), (lunar.Year, lunar.Month, lunar.Day));
        Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.Leap));
    }

    [Fact]
    public void Every_day_of_a_century_round_trips_through_the_lunar_calendar()
    {
        for (var d = new DateOnly(2000, 1, 1); d.Year < 2100; d = d.AddDays(13))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(d);
            Assert.Equal(d, VietnameseLunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.Leap));
        }
    }
}

namespace MotCua.Features.Calendar.Contracts;

/// <summary>
/// The Vietnamese lunisolar calendar, reckoned at UTC+7 (the meridian of Vietnam since 1968 in the north).
/// </summary>
/// <remarks>
/// Months start on the day (at UTC+7) of the astronomical new moon; the month containing the winter solstice is
/// month 11; a year with 13 months repeats the first month without a principal term. New moons and the sun's
/// longitude use the classical series of Jean Meeus, "Astronomical Algorithms" (the method published for the
/// Vietnamese calendar by Hồ Ngọc Đức). .NET's <c>ChineseLunisolarCalendar</c> reckons at UTC+8 and so puts the
/// new year a day (1985: a month) apart in some years; it must not be used for Vietnamese dates.
/// </remarks>
public static class VietnameseLunarCalendar
{
    public const double TimeZone = 7.0;
    private const double SynodicMonth = 29.530588853;
    private const double NewMoonEpoch = 2415021.076998695;
    private const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>The solar date of the first day of the first month of the lunar year that starts in <paramref name="year"/>.</summary>
    public static DateOnly LunarNewYear(int year) => ToSolar(year, 1, 1);

    /// <summary>The solar date of a (non-leap) lunar month and day of a lunar year.</summary>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = LunarMonth11(lunarYear - 1);
            b11 = LunarMonth11(lunarYear);
        }
        else
        {
            a11 = LunarMonth11(lunarYear);
            b11 = LunarMonth11(lunarYear + 1);
        }

        var k = (int)Math.Floor(0.5 + ((a11 - NewMoonEpoch) / SynodicMonth));
        var offset = lunarMonth - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leap = leapOffset - 2;
            if (leap < 0)
            {
                leap += 12;
            }

            if (leapMonth && lunarMonth != leap)
            {
                throw new ArgumentException($"Lunar year {lunarYear} has no leap month {lunarMonth}.", nameof(leapMonth));
            }

            if (leapMonth || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (leapMonth)
        {
            throw new ArgumentException($"Lunar year {lunarYear} has no leap month.", nameof(leapMonth));
        }

        var monthStart = NewMoonDay(k + offset);
        return FromJulianDay(monthStart + lunarDay - 1);
    }

    /// <summary>The lunar date (year, month, day, leap) of a solar date.</summary>
    public static (int Year, int Month, int Day, bool Leap) ToLunar(DateOnly date)
    {
        var dayNumber = JulianDay(date);
        var k = (int)Math.Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1);
        if (monthStart > dayNumber)
        {
            monthStart = NewMoonDay(k);
        }

        var a11 = LunarMonth11(date.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1);
        }

        var lunarDay = dayNumber - monthStart + 1;
        var diff = (int)Math.Floor((monthStart - a11) / 29.0);
        var leap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapDiff = LeapMonthOffset(a11);
            if (diff >= leapDiff)
            {
                lunarMonth = diff + 10;
                leap = diff == leapDiff;
            }
        }

        if (lunarMonth > 12)
        {
            lunarMonth -= 12;
        }

        if (lunarMonth >= 11 && diff < 4)
        {
            lunarYear--;
        }

        return (lunarYear, lunarMonth, lunarDay, leap);
    }

    public static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int jd) => DateOnly.FromDayNumber(jd - JulianDayOfDayNumberZero);

    /// <summary>The Julian day (at UTC+7) of the k-th new moon after the one of 1 January 1900.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZone / 24));

    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's longitude at the start of a day (UTC+7), as one of 12 sectors of 30°.</summary>
    private static int SunLongitudeSector(int dayNumber) => (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (TimeZone / 24)) / Math.PI * 6);

    private static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }

    /// <summary>The Julian day on which lunar month 11 (the month of the winter solstice) of a solar year starts.</summary>
    private static int LunarMonth11(int year)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        return SunLongitudeSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>How many months after month 11 the leap month comes (the first month with no principal term).</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor(((a11 - NewMoonEpoch) / SynodicMonth) + 0.5);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}

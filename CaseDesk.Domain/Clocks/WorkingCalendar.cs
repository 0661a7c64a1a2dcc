namespace CaseDesk.Domain.Clocks;

/// <summary>Office hours of one weekday, in Vilnius local time; a closed day has none.</summary>
public sealed record OfficeHours(DayOfWeek Day, TimeOnly? Opens, TimeOnly? Closes)
{
    public bool IsOpen => Opens is not null && Closes is not null && Closes > Opens;
}

/// <summary>
/// The department's working time: office hours per weekday, Lithuanian public holidays (with the
/// movable Easter Sunday and Monday) and one-off closures. Durations are counted in working
/// minutes between Vilnius-local office hours; all instants in and out are UTC.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>A working day as targets count it ("within 1 working day" = 8 working hours).</summary>
    public const int MinutesPerWorkingDay = 8 * 60;

    private readonly Dictionary<DayOfWeek, OfficeHours> hours;
    private readonly HashSet<DateOnly> closures;

    public WorkingCalendar(IEnumerable<OfficeHours> officeHours, IEnumerable<DateOnly> oneOffClosures)
    {
        hours = officeHours.ToDictionary(h => h.Day);
        closures = oneOffClosures.ToHashSet();
    }

    /// <summary>Mon-Thu 8:00-17:00, Fri 8:00-15:45 (the usual hours of a Lithuanian municipal administration).</summary>
    public static IReadOnlyList<OfficeHours> DefaultHours { get; } =
    [
        new(DayOfWeek.Monday, new(8, 0), new(17, 0)),
        new(DayOfWeek.Tuesday, new(8, 0), new(17, 0)),
        new(DayOfWeek.Wednesday, new(8, 0), new(17, 0)),
        new(DayOfWeek.Thursday, new(8, 0), new(17, 0)),
        new(DayOfWeek.Friday, new(8, 0), new(15, 45)),
        new(DayOfWeek.Saturday, null, null),
        new(DayOfWeek.Sunday, null, null),
    ];

    public static WorkingCalendar Default { get; } = new(DefaultHours, []);

    public IReadOnlyCollection<OfficeHours> Hours => hours.Values;

    /// <summary>Public holidays of Lithuania (Law on Labour Code, art. 123), including Easter Sunday and Monday.</summary>
    public static IEnumerable<(DateOnly Date, string NameLt)> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        yield return (new(year, 1, 1), "Naujieji metai");
        yield return (new(year, 2, 16), "Lietuvos valstybės atkūrimo diena");
        yield return (new(year, 3, 11), "Lietuvos nepriklausomybės atkūrimo diena");
        yield return (easter, "Velykos");
        yield return (easter.AddDays(1), "Antroji Velykų diena");
        yield return (new(year, 5, 1), "Tarptautinė darbo diena");
        yield return (FirstSunday(year, 5), "Motinos diena");
        yield return (FirstSunday(year, 6), "Tėvo diena");
        yield return (new(year, 6, 24), "Joninės, Rasos");
        yield return (new(year, 7, 6), "Valstybės (Lietuvos karaliaus Mindaugo karūnavimo) diena");
        yield return (new(year, 8, 15), "Žolinė");
        yield return (new(year, 11, 1), "Visų šventųjų diena");
        yield return (new(year, 11, 2), "Mirusiųjų atminimo diena");
        yield return (new(year, 12, 24), "Kūčios");
        yield return (new(year, 12, 25), "Kalėdos");
        yield return (new(year, 12, 26), "Antroji Kalėdų diena");
    }

    /// <summary>Western Easter Sunday (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    public bool IsWorkingDay(DateOnly date) =>
        hours.TryGetValue(date.DayOfWeek, out var h) && h.IsOpen && !closures.Contains(date) && !IsPublicHoliday(date);

    public static bool IsPublicHoliday(DateOnly date) => PublicHolidays(date.Year).Any(h => h.Date == date);

    /// <summary>
    /// When the office closes on <paramref name="date"/> (Vilnius time); null when it is not a working day.
    /// The working day before a public holiday is one hour shorter (Labour Code, art. 112(4)).
    /// </summary>
    public TimeOnly? ClosingTime(DateOnly date)
    {
        if (!IsWorkingDay(date)) return null;
        var h = hours[date.DayOfWeek];
        if (!IsEveOfPublicHoliday(date)) return h.Closes;
        var shortened = h.Closes!.Value.AddHours(-1);
        return shortened > h.Opens!.Value ? shortened : h.Opens.Value;
    }

    public static bool IsEveOfPublicHoliday(DateOnly date) => IsPublicHoliday(date.AddDays(1));

    private TimeOnly OpeningTime(DateOnly date) => hours[date.DayOfWeek].Opens!.Value;

    /// <summary>Working minutes between two UTC instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public double WorkingMinutesBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc) return 0;
        var total = 0.0;
        foreach (var (open, close) in WorkingIntervals(fromUtc))
        {
            if (open >= toUtc) break;
            var start = open < fromUtc ? fromUtc : open;
            var end = close > toUtc ? toUtc : close;
            if (end > start) total += (end - start).TotalMinutes;
        }
        return total;
    }

    /// <summary>The UTC instant at which <paramref name="minutes"/> working minutes have passed after <paramref name="fromUtc"/>.</summary>
    public DateTime AddWorkingMinutes(DateTime fromUtc, double minutes)
    {
        if (minutes <= 0) return fromUtc;
        var left = minutes;
        foreach (var (open, close) in WorkingIntervals(fromUtc))
        {
            var start = open < fromUtc ? fromUtc : open;
            var available = (close - start).TotalMinutes;
            if (available <= 0) continue;
            if (left <= available) return start.AddMinutes(left);
            left -= available;
        }
        throw new InvalidOperationException("The calendar has no working time ahead.");
    }

    /// <summary>
    /// "Within N working days": the same Vilnius time of day on the N-th working day after the start
    /// (a start outside office hours counts from the next opening; a time after that day's closing is
    /// moved to the closing). Friday 14:00 + 1 working day = Monday 14:00.
    /// </summary>
    public DateTime AddWorkingDays(DateTime fromUtc, int days)
    {
        var local = Common.VilniusTime.ToLocal(fromUtc);
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (!IsWorkingDay(date) || time >= ClosingTime(date)!.Value)
        {
            date = NextWorkingDay(date);
            time = OpeningTime(date);
        }
        else if (time < OpeningTime(date))
        {
            time = OpeningTime(date);
        }
        for (var i = 0; i < days; i++)
            date = NextWorkingDay(date);
        var closes = ClosingTime(date)!.Value;
        if (time > closes) time = closes;
        if (time < OpeningTime(date)) time = OpeningTime(date);
        return Common.VilniusTime.ToUtc(date.ToDateTime(time));
    }

    private DateOnly NextWorkingDay(DateOnly date)
    {
        var last = date.AddYears(10);
        for (var day = date.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) return day;
        }
        throw new InvalidOperationException("The calendar has no working day ahead.");
    }

    /// <summary>Office intervals in UTC, in order, from the day of <paramref name="fromUtc"/> on (at most ten years ahead).</summary>
    private IEnumerable<(DateTime Open, DateTime Close)> WorkingIntervals(DateTime fromUtc)
    {
        var day = DateOnly.FromDateTime(Common.VilniusTime.ToLocal(fromUtc));
        var last = day.AddYears(10);
        for (; day <= last; day = day.AddDays(1))
        {
            if (ClosingTime(day) is not { } closes) continue;
            yield return (Common.VilniusTime.ToUtc(day.ToDateTime(OpeningTime(day))), Common.VilniusTime.ToUtc(day.ToDateTime(closes)));
        }
    }

    private static DateOnly FirstSunday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7);
    }
}

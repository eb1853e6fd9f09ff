using Consortium.Orcid.Model;

namespace Consortium.Grains.Trust;

/// <summary>ORCID's fuzzy dates as ranges of days: "2024-03" is any day of March 2024. A start counts from
/// its earliest day and an end lasts until its latest, so a vague date never makes a qualification fail early.</summary>
public static class PartialDates
{
    public static DateOnly EarliestDay(this PartialDate date)
    {
        var (year, month, day) = Parts(date);
        return new DateOnly(year, month ?? 1, day ?? 1);
    }

    public static DateOnly LatestDay(this PartialDate date)
    {
        var (year, month, day) = Parts(date);
        var lastMonth = month ?? 12;
        return new DateOnly(year, lastMonth, day ?? DateTime.DaysInMonth(year, lastMonth));
    }

    /// <returns>"2024", "2024-03" or "2024-03-01", as precise as ORCID has it.</returns>
    public static string Printed(this PartialDate date)
    {
        var (year, month, day) = Parts(date);
        return (month, day) switch
        {
            (null, _) => $"{year:D4}",
            (_, null) => $"{year:D4}-{month:D2}",
            _ => $"{year:D4}-{month:D2}-{day:D2}",
        };
    }

    // ORCID validates dates, but a record is outside data: an impossible month or day is read as
    // missing rather than thrown on, and the year is kept within what DateOnly can hold.
    private static (int Year, int? Month, int? Day) Parts(PartialDate date)
    {
        var year = Math.Clamp(date.Year, 1, 9999);
        var month = date.Month is >= 1 and <= 12 ? date.Month : null;
        var day = month is { } m && date.Day is { } d && d >= 1 && d <= DateTime.DaysInMonth(year, m) ? date.Day : null;
        return (year, month, day);
    }
}

using System.Globalization;
using Consortium.Grains.Common;

namespace Consortium.Portal.Courses;

/// <summary>When a course was completed, as platforms send it: a date (<c>2026-11-30</c>) or a timestamp
/// (<c>2026-11-30T14:05:00Z</c>); the qualification starts on that day (UTC).</summary>
public static class CompletionDate
{
    /// <exception cref="InvalidFieldException">Neither a date nor a timestamp.</exception>
    public static DateOnly? Parse(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : throw new InvalidFieldException(field, $"'{text}' is not a date: write it like 2026-11-30 or 2026-11-30T14:05:00Z.");
    }
}

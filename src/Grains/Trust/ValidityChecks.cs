using Consortium.Orcid.Model;

namespace Consortium.Grains.Trust;

/// <summary>The date checks of <see cref="ValidityRequirement"/>. Partial dates are read generously: a start
/// from its earliest day, an end until its latest. ORCID makes the start date optional, so a missing one
/// counts as started; a missing end date means the qualification does not expire.</summary>
internal static class ValidityChecks
{
    public static IEnumerable<Check> Of(ValidityRequirement validity, Qualification qualification, DateOnly today)
    {
        if (validity.MustHaveStarted)
        {
            yield return Started(qualification.StartDate, today);
        }
        if (validity.MustNotBeExpired)
        {
            yield return NotExpired(qualification.EndDate, today);
        }
        if (validity.IssuedWithinMonths is { } months)
        {
            yield return IssuedWithin(months, qualification, today);
        }
    }

    private static Check Started(PartialDate? start, DateOnly today) => start switch
    {
        null => new(CheckKind.Started, true, "Has no start date, so it counts as started."),
        _ when start.EarliestDay() <= today => new(CheckKind.Started, true, $"Started {start.Printed()}."),
        _ => new(CheckKind.Started, false, $"Has not started yet: it starts {start.Printed()}."),
    };

    private static Check NotExpired(PartialDate? end, DateOnly today) => end switch
    {
        null => new(CheckKind.NotExpired, true, "Has no end date, so it does not expire."),
        _ when end.LatestDay() < today => new(CheckKind.NotExpired, false, $"Expired: it ended {end.Printed()}."),
        _ => new(CheckKind.NotExpired, true, $"Has not expired: it ends {end.Printed()}."),
    };

    private static Check IssuedWithin(int months, Qualification qualification, DateOnly today)
    {
        var (issued, said) = qualification switch
        {
            { StartDate: { } start } => (start.EarliestDay(), $"Issued {start.Printed()}"),
            { CreatedDate: { } created } => (DateOnly.FromDateTime(created.UtcDateTime), $"Has no start date; added to ORCID on {created.UtcDateTime:yyyy-MM-dd}"),
            _ => ((DateOnly?)null, ""),
        };
        var window = $"the last {Phrases.Months(months)}";
        return issued switch
        {
            null => new(CheckKind.IssuedWithin, false, $"Has no start date or creation date, so it cannot be shown to be issued in {window}."),
            _ when issued >= today.AddMonths(-months) => new(CheckKind.IssuedWithin, true, $"{said}, within {window}."),
            _ => new(CheckKind.IssuedWithin, false, $"{said}, not within {window}."),
        };
    }
}

using System.Globalization;

namespace Consortium.Grains.Billing;

/// <summary>One member organisation's production usage in one calendar month (UTC). The researchers and issuances are
/// kept by id, so an event told twice (a retried call) counts once.</summary>
/// <param name="Month"><c>yyyy-MM</c>, e.g. <c>2026-12</c>.</param>
/// <param name="Reported">The metrics (<see cref="UsageMetrics"/>) whose overage for this month Stripe has been told of.</param>
[GenerateSerializer, Immutable]
public sealed record UsageMonth(
    [property: Id(0)] string Month,
    [property: Id(1)] IReadOnlyList<string> Researchers,
    [property: Id(2)] IReadOnlyList<string> Issuances,
    [property: Id(3)] IReadOnlyList<string> Reported)
{
    public int ResearchersConnected => Researchers.Count;

    public int IssuancesWritten => Issuances.Count;

    public static string Of(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first instant after the month: from then on it is closed and its overage can be reported.</summary>
    public DateTimeOffset End => DateTimeOffset.ParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddMonths(1);

    public int Count(string metric) => metric == UsageMetrics.Researchers ? ResearchersConnected : IssuancesWritten;
}

/// <summary>What usage is counted by: researchers connected and issuances written, in production.</summary>
public static class UsageMetrics
{
    public const string Researchers = "researchers";
    public const string Issuances = "issuances";
}

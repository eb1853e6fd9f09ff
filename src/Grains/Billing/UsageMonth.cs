using System.Globalization;

namespace Consortium.Grains.Billing;

/// <summary>One member organisation's production usage in one calendar month (UTC).</summary>
/// <param name="Month"><c>yyyy-MM</c>, e.g. <c>2026-12</c>.</param>
/// <param name="Researchers">The ORCID iDs that connected this month: a researcher counts once however often they connect.</param>
/// <param name="Reported">The metrics (<see cref="UsageMetrics"/>) whose overage for this month Stripe has been told of.</param>
[GenerateSerializer, Immutable]
public sealed record UsageMonth(
    [property: Id(0)] string Month,
    [property: Id(1)] IReadOnlyList<string> Researchers,
    [property: Id(2)] int IssuancesWritten,
    [property: Id(3)] IReadOnlyList<string> Reported)
{
    public int ResearchersConnected => Researchers.Count;

    public static string Of(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first instant after the month: from then on it is closed and its overage can be reported.</summary>
    public DateTimeOffset End => EndOf(Month);

    public static DateTimeOffset EndOf(string month) =>
        DateTimeOffset.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddMonths(1);

    public int Count(string metric) => metric == UsageMetrics.Researchers ? ResearchersConnected : IssuancesWritten;
}

/// <summary>What usage is counted by: researchers connected and issuances written, in production.</summary>
public static class UsageMetrics
{
    public const string Researchers = "researchers";
    public const string Issuances = "issuances";
}

namespace Consortium.Grains.Issuing.Projection;

/// <summary>Which issuances, in which order, which page. Every filter is optional; <see cref="Search"/> matches a part of the
/// external id, iD, email or researcher name, ignoring case.</summary>
public sealed record IssuanceQuery
{
    public const int MaxTake = 1000;

    public IReadOnlyList<IssuanceStatus>? Statuses { get; init; }

    public string? TemplateId { get; init; }

    public string? Orcid { get; init; }

    public string? Search { get; init; }

    /// <summary>Created on or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Created before.</summary>
    public DateTimeOffset? To { get; init; }

    public IssuanceSort Sort { get; init; } = IssuanceSort.Newest;

    public int Skip { get; init; }

    public int Take { get; init; } = 50;

    public static IssuanceQuery WithStatus(params IssuanceStatus[] statuses) => new() { Statuses = statuses };
}

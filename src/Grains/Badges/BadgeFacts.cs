namespace Consortium.Grains.Badges;

/// <summary>What an OB 3.0 credential says, read from its JSON once its shape is known to be right.</summary>
/// <param name="SubjectId">The holder, e.g. <c>https://orcid.org/0000-0002-1825-0097</c>; OB 3.0 allows a subject named by
/// <c>identifier</c> entries only, then null.</param>
/// <param name="Status">The credential's <c>BitstringStatusListEntry</c> for revocation; null when it has none this verifier reads.</param>
[GenerateSerializer, Immutable, Alias("BadgeFacts")]
public sealed record BadgeFacts(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string IssuerId,
    [property: Id(3)] string? IssuerName,
    [property: Id(4)] string? SubjectId,
    [property: Id(5)] string AchievementId,
    [property: Id(6)] string AchievementName,
    [property: Id(7)] DateTimeOffset ValidFrom,
    [property: Id(8)] DateTimeOffset? ValidUntil,
    [property: Id(9)] BadgeStatusEntry? Status);

/// <summary>Where the credential's revocation bit is: list <see cref="ListUrl"/>, bit <see cref="Index"/>.</summary>
[GenerateSerializer, Immutable, Alias("BadgeStatusEntry")]
public sealed record BadgeStatusEntry([property: Id(0)] string ListUrl, [property: Id(1)] int Index);

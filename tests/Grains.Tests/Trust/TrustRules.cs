using Consortium.Grains.Trust;

namespace Consortium.Grains.Tests.Trust;

/// <summary>Rules made the way the API makes them, through <see cref="TrustRuleInput.Validated"/>.</summary>
internal static class TrustRules
{
    public const string RadiationSafety = "Radiation Safety";
    public static readonly DateTimeOffset SavedAt = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static TrustInput OwnClientOnly { get; } = new(OwnClient: true);

    public static TrustRule Rule(
        TrustInput? trust = null,
        string? title = RadiationSafety,
        TitleMatchInput? titleMatch = null,
        string? organisationId = null,
        string? externalIdType = null,
        string? externalIdValue = null,
        ValidityInput? validity = null,
        string? combine = null) =>
        new TrustRuleInput(null, title, titleMatch, trust ?? OwnClientOnly, organisationId, externalIdType, externalIdValue, validity, combine)
            .Validated("radiation", 1, SavedAt);
}

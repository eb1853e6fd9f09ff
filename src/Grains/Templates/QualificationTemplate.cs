namespace Consortium.Grains.Templates;

/// <summary>A tenant's qualification definition; each issuance fills it in for one researcher.</summary>
[GenerateSerializer, Immutable, Alias("QualificationTemplate")]
public sealed record QualificationTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Department,
    [property: Id(3)] int? ValidityMonths,
    [property: Id(4)] DateOnly? FixedStartDate,
    [property: Id(5)] string? UrlPattern,
    [property: Id(6)] bool LinkCertificate,
    [property: Id(7)] string ExternalIdType,
    [property: Id(8)] string ExternalIdValuePattern,
    [property: Id(9)] DateTimeOffset UpdatedAt)
{
    public const string ExternalIdPlaceholder = "{externalId}";
    public const string OrcidPlaceholder = "{orcid}";
    public const string TenantPlaceholder = "{tenant}";

    /// <summary>The start date: the issuance's own, else the template's fixed date, else the day it was issued.</summary>
    public DateOnly StartDateFor(DateOnly? requested, DateOnly issuedOn) => requested ?? FixedStartDate ?? issuedOn;

    /// <summary>The end date: start plus the validity, or none when the qualification does not expire.</summary>
    public DateOnly? EndDateFor(DateOnly start) => ValidityMonths is { } months ? start.AddMonths(months) : null;

    /// <summary>The stable <c>self</c> external id ORCID uses to refuse a second copy.</summary>
    public string ExternalIdValueFor(string tenantSlug, string externalId) =>
        ExternalIdValuePattern.Replace(TenantPlaceholder, tenantSlug).Replace(ExternalIdPlaceholder, externalId);

    /// <summary>The qualification's link: the URL pattern filled in, else the certificate page when linked, else none.</summary>
    public string? UrlFor(string externalId, string orcid, string certificateUrl) =>
        UrlPattern is not null ? UrlPattern.Replace(ExternalIdPlaceholder, Uri.EscapeDataString(externalId)).Replace(OrcidPlaceholder, orcid)
        : LinkCertificate ? certificateUrl
        : null;
}

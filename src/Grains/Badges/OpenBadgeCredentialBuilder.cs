using Consortium.Grains.Issuing;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Orcid;

namespace Consortium.Grains.Badges;

/// <summary>Builds the credential of an issuance written to ORCID, from the issuance, its template and the tenant.</summary>
public static class OpenBadgeCredentialBuilder
{
    public static IssuerProfile Issuer(BadgeLinks links, TenantProfile tenant, bool hasLogo) => new(
        links.Issuer, tenant.Name, links.Page, hasLogo ? new Image(links.Logo) : null,
        tenant.RorId is { } ror ? [new IdentifierEntry(Common.RorId.OrcidForm(ror), "identifier")] : null);

    public static OpenBadgeCredential Build(
        BadgeLinks links, TenantProfile tenant, bool hasLogo, QualificationTemplate template, IssuanceView issuance, StatusIndex status)
    {
        var certificateId = issuance.CertificateId ?? throw new ArgumentException("The issuance has no certificate.", nameof(issuance));
        var orcid = issuance.Orcid ?? throw new ArgumentException("The issuance names no researcher.", nameof(issuance));
        var start = issuance.StartDate ?? DateOnly.FromDateTime(issuance.CreatedAt.UtcDateTime);
        var department = template.Department is { } d ? $" ({d})" : "";
        var achievement = new Achievement(
            links.Achievement(template.Id),
            template.Title,
            $"{template.Title}, a qualification of {tenant.Name}{department}.",
            new Criteria($"Awarded by {tenant.Name}{department} and written to the holder's ORCID record as a qualification"
                + (template.ValidityMonths is { } months ? $", valid for {months} months." : ", without expiry.")),
            hasLogo ? new Image(links.Logo) : null);
        var record = OrcidRecordUrl(issuance.Environment, orcid);
        return new OpenBadgeCredential(
            links.Credential(certificateId),
            template.Title,
            Issuer(links, tenant, hasLogo),
            new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            // ORCID's end date is a day, which the qualification still covers: valid to its last second.
            issuance.EndDate is { } end ? new DateTimeOffset(end.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero) : null,
            new AchievementSubject(record, achievement),
            [
                new Evidence(links.Certificate(certificateId), "Certificate",
                    "The certificate page, which the qualification on the holder's ORCID record links to."),
                new Evidence(record, "ORCID record", "The holder's ORCID record, which lists the qualification while it stands."),
            ],
            new StatusListEntry($"{links.StatusList(status.List)}#{status.Position}", status.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                links.StatusList(status.List)));
    }

    /// <summary>The iD as a URL of the registry it lives in: sandbox iDs are not production iDs.</summary>
    public static string OrcidRecordUrl(OrcidEnvironment environment, string orcid) =>
        environment == OrcidEnvironment.Production ? $"https://orcid.org/{orcid}" : $"https://sandbox.orcid.org/{orcid}";

    public static StatusListCredential StatusList(BadgeLinks links, int list, IEnumerable<int> revoked, DateTimeOffset now) =>
        new(links.StatusList(list), links.Issuer, now, new BitstringStatusList($"{links.StatusList(list)}#list", Bitstring.Encode(revoked)));
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Consortium.Grains.Common;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;

namespace Consortium.Grains.Issuing;

/// <summary>Fills a template in for one issuance: the qualification exactly as ORCID receives it.</summary>
public static class QualificationFactory
{
    public static Qualification Build(TenantProfile tenant, QualificationTemplate template, NewIssuance issuance, DateOnly issuedOn, string certificateUrl)
    {
        var start = template.StartDateFor(issuance.StartDate, issuedOn);
        var externalIdValue = template.ExternalIdValueFor(tenant.Slug, issuance.ExternalId);
        return new Qualification
        {
            RoleTitle = template.Title,
            DepartmentName = template.Department,
            StartDate = PartialDate.From(start),
            EndDate = template.EndDateFor(start) is { } end ? PartialDate.From(end) : null,
            Organization = new Organization
            {
                Name = tenant.Name,
                Address = new OrganizationAddress(tenant.City, null, tenant.Country),
                DisambiguatedOrganization = tenant.RorId is null ? null : new DisambiguatedOrganization(RorId.OrcidForm(tenant.RorId), "ROR"),
            },
            Url = template.UrlFor(issuance.ExternalId, issuance.Orcid ?? "", certificateUrl),
            ExternalIds =
            [
                new ExternalId
                {
                    ExternalIdType = template.ExternalIdType,
                    ExternalIdValue = externalIdValue,
                    ExternalIdUrl = certificateUrl,
                    ExternalIdRelationship = ExternalId.SelfRelationship,
                },
            ],
        };
    }

    /// <summary>Two qualifications with the same fingerprint need no update.</summary>
    public static string Fingerprint(Qualification qualification) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(qualification, OrcidJson.Options))));
}

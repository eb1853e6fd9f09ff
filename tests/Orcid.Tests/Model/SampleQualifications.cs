using Consortium.Orcid.Model;

namespace Consortium.Orcid.Tests.Model;

/// <summary>Qualifications as the portal would write them.</summary>
public static class SampleQualifications
{
    public static Qualification LaserSafety(string externalIdValue) => new()
    {
        DepartmentName = "Radiation Protection Office",
        RoleTitle = "Laser Safety Level 2",
        StartDate = new PartialDate(2024, 3, 1),
        EndDate = new PartialDate(2026, 3),
        Organization = new Organization
        {
            Name = "Example University",
            Address = new OrganizationAddress("Auckland", null, "NZ"),
            DisambiguatedOrganization = new DisambiguatedOrganization("https://ror.org/03b94tp07", "ROR"),
        },
        Url = $"https://portal.example.org/t/example/certificates/{externalIdValue}",
        ExternalIds =
        [
            new ExternalId
            {
                ExternalIdType = "other-id",
                ExternalIdValue = externalIdValue,
                ExternalIdUrl = $"https://portal.example.org/t/example/certificates/{externalIdValue}",
                ExternalIdRelationship = ExternalId.SelfRelationship,
            },
        ],
    };

    /// <summary>As ORCID returns it: with put-code, dates, a client source on behalf of a researcher, and path.</summary>
    public static Qualification AsStored(string externalIdValue) => LaserSafety(externalIdValue) with
    {
        PutCode = 12345,
        Visibility = Visibility.Public,
        CreatedDate = new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero),
        LastModifiedDate = new DateTimeOffset(2024, 3, 2, 10, 0, 0, TimeSpan.Zero),
        Source = new Source
        {
            SourceClientId = new OrcidIdentifier("https://sandbox.orcid.org/client/APP-ABCDEFGHIJ123456", "APP-ABCDEFGHIJ123456", "sandbox.orcid.org"),
            SourceName = "Example University",
            AssertionOriginOrcid = new OrcidIdentifier("https://sandbox.orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097", "sandbox.orcid.org"),
            AssertionOriginName = "Josiah Carberry",
        },
        Path = "/0000-0002-1825-0097/qualification/12345",
    };
}

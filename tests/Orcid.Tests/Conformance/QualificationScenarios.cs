using System.Net;
using Consortium.Orcid.Errors;
using Consortium.Orcid.OAuth;
using Consortium.Orcid.Tests.Model;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>The conformance suite written once: every scenario here holds for the simulator and for the real ORCID sandbox.
/// Each uses a fresh external id and deletes what it wrote.</summary>
public sealed class QualificationScenarios(ConformanceTarget target)
{
    static string NewExternalId() => $"conformance-{Guid.NewGuid():N}";

    public async Task CreateReadUpdateDeleteRoundTrips()
    {
        var api = target.Clients.Member(target.Environment);
        var qualification = SampleQualifications.LaserSafety(NewExternalId());

        var created = await api.CreateQualificationAsync(target.Access, target.Orcid, qualification);
        var read = await api.GetQualificationAsync(target.Access, target.Orcid, created.PutCode);
        var updated = await api.UpdateQualificationAsync(target.Access, target.Orcid, read with { RoleTitle = "Laser Safety Level 3" });
        var summary = await api.GetQualificationsAsync(target.Access, target.Orcid);
        await api.DeleteQualificationAsync(target.Access, target.Orcid, created.PutCode);
        var afterDelete = await Assert.ThrowsAsync<OrcidApiException>(() => api.GetQualificationAsync(target.Access, target.Orcid, created.PutCode));

        Assert.False(created.AlreadyExisted);
        Assert.Equal(created.PutCode, read.PutCode);
        Assert.Equal(qualification.RoleTitle, read.RoleTitle);
        Assert.Equal(qualification.Organization, read.Organization);
        Assert.Equal(qualification.StartDate, read.StartDate);
        Assert.Equal(qualification.ExternalIds, read.ExternalIds);
        Assert.Equal(target.Credentials.ClientId, read.Source?.SourceClientId?.Path);
        Assert.Equal("Laser Safety Level 3", updated.RoleTitle);
        Assert.Equal(created.PutCode, updated.PutCode);
        Assert.Equal("Laser Safety Level 3", Assert.Single(summary.Qualifications, q => q.PutCode == created.PutCode).RoleTitle);
        Assert.Equal(OrcidErrorKind.NotFound, afterDelete.Kind);
    }

    public async Task DuplicateCreateRecoversExistingPutCode()
    {
        var api = target.Clients.Member(target.Environment);
        var qualification = SampleQualifications.LaserSafety(NewExternalId());

        var first = await api.CreateQualificationAsync(target.Access, target.Orcid, qualification);
        var second = await api.CreateQualificationAsync(target.Access, target.Orcid, qualification);
        var summary = await api.GetQualificationsAsync(target.Access, target.Orcid);
        await api.DeleteQualificationAsync(target.Access, target.Orcid, first.PutCode);

        Assert.Equal(new(first.PutCode, AlreadyExisted: true), second);
        Assert.Single(summary.Qualifications, q => q.ExternalIds.SequenceEqual(qualification.ExternalIds));
    }

    // Since 2025 an activity external id stands in for the organisation id; with neither, ORCID refuses (ORCID-Source
    // orcid-core/src/main/java/org/orcid/core/manager/v3/validator/ActivityValidator.java, InvalidNoOrgOrExternalIdException → 400/9062).
    public async Task NeitherOrganizationIdNorExternalIdIsRefused()
    {
        var api = target.Clients.Member(target.Environment);
        var qualification = SampleQualifications.LaserSafety(NewExternalId());
        var bare = qualification with { Organization = qualification.Organization! with { DisambiguatedOrganization = null }, ExternalIds = [] };

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() => api.CreateQualificationAsync(target.Access, target.Orcid, bare));

        Assert.Equal((HttpStatusCode.BadRequest, 9062, OrcidErrorKind.MissingDisambiguatedOrganization), (refused.Status, refused.ErrorCode, refused.Kind));
    }

    // orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrgManagerImpl.java: an id ORCID does not hold → 400/9045.
    public async Task UnknownOrganizationIdIsRefused()
    {
        var api = target.Clients.Member(target.Environment);
        var qualification = SampleQualifications.LaserSafety(NewExternalId());
        var unknown = qualification with
        {
            Organization = qualification.Organization! with { DisambiguatedOrganization = new("https://ror.org/000000098", "ROR") },
        };

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() => api.CreateQualificationAsync(target.Access, target.Orcid, unknown));

        Assert.Equal((HttpStatusCode.BadRequest, 9045, OrcidErrorKind.UnknownDisambiguatedOrganization), (refused.Status, refused.ErrorCode, refused.Kind));
    }

    public async Task ClientCredentialsGiveReadPublicToken()
    {
        var token = await target.Clients.OAuth(target.Environment).ClientCredentialsAsync(target.Credentials, OrcidScopes.ReadPublic);

        Assert.Equal([OrcidScopes.ReadPublic], token.Scopes);
        Assert.Equal("bearer", token.TokenType);
        Assert.Null(token.Orcid);
    }
}

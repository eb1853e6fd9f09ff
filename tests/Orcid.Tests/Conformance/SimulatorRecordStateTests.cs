using System.Net;
using System.Net.Http.Json;
using Consortium.Orcid.Errors;
using Consortium.Orcid.MemberApi;
using Consortium.Orcid.OAuth;
using Consortium.Orcid.Tests.Model;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>What the client makes of a record ORCID has locked, deactivated or deprecated: a kind to act on, and for a
/// deprecated record the primary iD (ORCID-Source orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidExceptionMapper.java).</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SimulatorRecordStateTests(SimulatorFixture simulator)
{
    OrcidMemberApi Member => simulator.Clients.Member(OrcidEnvironment.Sandbox);

    [Fact]
    public async Task DeprecatedReadIsNotFollowedButNamesThePrimary()
    {
        var target = await simulator.NewTargetAsync();
        var primary = await simulator.AddResearcherAsync("Primary", "Record");
        await simulator.SetRecordStateAsync(target.Orcid, "deprecated", primary);

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() => Member.GetQualificationsAsync(target.Access, target.Orcid));

        Assert.Equal((HttpStatusCode.MovedPermanently, 9007, OrcidErrorKind.Deprecated), (refused.Status, refused.ErrorCode, refused.Kind));
        Assert.Equal(primary, refused.PrimaryOrcid);
    }

    [Fact]
    public async Task DeprecatedWriteNamesThePrimary()
    {
        var target = await simulator.NewTargetAsync();
        var primary = await simulator.AddResearcherAsync("Primary", "Record");
        await simulator.SetRecordStateAsync(target.Orcid, "deprecated", primary);

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() =>
            Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1")));

        Assert.Equal((HttpStatusCode.Conflict, OrcidErrorKind.Deprecated, primary), (refused.Status, refused.Kind, refused.PrimaryOrcid));
    }

    [Fact]
    public async Task LockedRecordIsRecordLocked()
    {
        var target = await simulator.NewTargetAsync();
        await simulator.SetRecordStateAsync(target.Orcid, "locked");

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() =>
            Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1")));

        Assert.Equal((HttpStatusCode.Conflict, 9018, OrcidErrorKind.RecordLocked), (refused.Status, refused.ErrorCode, refused.Kind));
        Assert.Null(refused.PrimaryOrcid);
    }

    [Fact]
    public async Task DeactivatedRecordIsDeactivatedAndItsTokensAreGone()
    {
        var target = await simulator.NewTargetAsync();
        var readPublic = await simulator.Clients.OAuth(OrcidEnvironment.Sandbox).ClientCredentialsAsync(target.Credentials, OrcidScopes.ReadPublic);
        await simulator.SetRecordStateAsync(target.Orcid, "deactivated");

        var withOwnToken = await Assert.ThrowsAsync<OrcidApiException>(() => Member.GetQualificationsAsync(target.Access, target.Orcid));
        var withClientToken = await Assert.ThrowsAsync<OrcidApiException>(() =>
            Member.GetQualificationsAsync(readPublic.ToAccess(target.Credentials.ClientId), target.Orcid));

        Assert.Equal(OrcidErrorKind.InvalidToken, withOwnToken.Kind);
        Assert.Equal((HttpStatusCode.Conflict, 9044, OrcidErrorKind.Deactivated), (withClientToken.Status, withClientToken.ErrorCode, withClientToken.Kind));
    }

    [Fact]
    public async Task DeprecatingEmptiesTheRecordAndNeedsAnExistingPrimary()
    {
        var target = await simulator.NewTargetAsync();
        await Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1"));

        using var withoutPrimary = await simulator.Controls.PostAsJsonAsync($"/_sim/records/{target.Orcid}/state", new { state = "deprecated" });
        using var unknownPrimary = await simulator.Controls.PostAsJsonAsync($"/_sim/records/{target.Orcid}/state",
            new { state = "deprecated", primaryOrcid = OrcidId.NewRandom().Value });
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (withoutPrimary.StatusCode, unknownPrimary.StatusCode));
        Assert.Single((await simulator.RecordAsync(target.Orcid)).GetProperty("qualifications").EnumerateArray());

        await simulator.SetRecordStateAsync(target.Orcid, "deprecated", await simulator.AddResearcherAsync());

        Assert.Empty((await simulator.RecordAsync(target.Orcid)).GetProperty("qualifications").EnumerateArray());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Orcid.Errors;
using Consortium.Orcid.MemberApi;
using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.Orcid.Serialization;
using Consortium.Orcid.Tests.Model;
using Consortium.OrcidSimulator.Controls;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>ORCID's write rules as the simulator enforces them, seen through the client.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SimulatorRulesTests(SimulatorFixture simulator)
{
    OrcidMemberApi Member => simulator.Clients.Member(OrcidEnvironment.Sandbox);

    [Fact]
    public async Task UpdateByAnotherClientIsRefusedAsNotSource()
    {
        var owner = await simulator.NewTargetAsync("Example University");
        var other = await simulator.RegisterClientAsync("Other University");
        var otherToken = await simulator.ConnectAsync(other, owner.Orcid, OrcidScopes.ActivitiesUpdate, OrcidScopes.ReadLimited);
        var created = await Member.CreateQualificationAsync(owner.Access, owner.Orcid, SampleQualifications.LaserSafety("cert-1"));
        var item = await Member.GetQualificationAsync(owner.Access, owner.Orcid, created.PutCode);

        var update = await Assert.ThrowsAsync<OrcidApiException>(() =>
            Member.UpdateQualificationAsync(otherToken.ToAccess(other.ClientId), owner.Orcid, item with { RoleTitle = "Forged" }));
        var delete = await Assert.ThrowsAsync<OrcidApiException>(() =>
            Member.DeleteQualificationAsync(otherToken.ToAccess(other.ClientId), owner.Orcid, created.PutCode));

        Assert.Equal((HttpStatusCode.Forbidden, 9010, OrcidErrorKind.NotSource), (update.Status, update.ErrorCode, update.Kind));
        Assert.Equal(OrcidErrorKind.NotSource, delete.Kind);
        Assert.Equal("Laser Safety Level 2", (await Member.GetQualificationAsync(owner.Access, owner.Orcid, created.PutCode)).RoleTitle);
    }

    [Fact]
    public async Task VisibilityChangeIsRefused()
    {
        var target = await simulator.NewTargetAsync();
        var created = await Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1"));
        var item = await Member.GetQualificationAsync(target.Access, target.Orcid, created.PutCode);

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() =>
            Member.UpdateQualificationAsync(target.Access, target.Orcid, item with { Visibility = Visibility.Private }));

        Assert.Equal(Visibility.Public, item.Visibility);
        Assert.Equal((HttpStatusCode.Forbidden, 9035, OrcidErrorKind.VisibilityChange), (refused.Status, refused.ErrorCode, refused.Kind));
    }

    [Fact]
    public async Task PutCodeMismatchIsRefused()
    {
        var target = await simulator.NewTargetAsync();
        var created = await Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1"));
        // The client cannot send a mismatch (it takes the URL's put-code from the body), so speak HTTP directly.
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v3.0/{target.Orcid}/qualification/{created.PutCode}")
        {
            Content = JsonContent.Create(SampleQualifications.LaserSafety("cert-1") with { PutCode = created.PutCode + 1 }, options: OrcidJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Access.AccessToken);
        request.Headers.Accept.ParseAdd(OrcidJson.MediaType); // ORCID answers XML unless asked for JSON.

        using var response = await simulator.Controls.SendAsync(request);
        var error = await response.Content.ReadFromJsonAsync<OrcidError>(OrcidJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((400, 9019), (error!.ResponseCode, error.ErrorCode));
    }

    [Fact]
    public async Task ReadPublicTokenCannotWrite()
    {
        var target = await simulator.NewTargetAsync();
        var clientToken = await simulator.Clients.OAuth(OrcidEnvironment.Sandbox).ClientCredentialsAsync(target.Credentials, OrcidScopes.ReadPublic);

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() =>
            Member.CreateQualificationAsync(clientToken.ToAccess(target.Credentials.ClientId), target.Orcid, SampleQualifications.LaserSafety("cert-1")));

        Assert.Equal((HttpStatusCode.Forbidden, 9038, OrcidErrorKind.MissingScope), (refused.Status, refused.ErrorCode, refused.Kind));
    }

    [Fact]
    public async Task LockedRecordRefusesWritesWithoutRetrying()
    {
        var target = await simulator.NewTargetAsync();
        simulator.Log.Clear();
        await simulator.StartFaultAsync("locked", rate: 1, durationSeconds: 30);
        try
        {
            var refused = await Assert.ThrowsAsync<OrcidApiException>(() =>
                Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1")));
            var summary = await Member.GetQualificationsAsync(target.Access, target.Orcid);

            Assert.Equal((HttpStatusCode.Conflict, 9018, OrcidErrorKind.RecordLocked), (refused.Status, refused.ErrorCode, refused.Kind));
            Assert.Empty(summary.Qualifications);
            Assert.Empty(simulator.Log.Retries);
        }
        finally
        {
            await simulator.StopFaultsAsync();
        }
    }

    [Fact]
    public async Task PublicApiShowsPublicItemsWithoutToken()
    {
        var target = await simulator.NewTargetAsync();
        var created = await Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1"));
        var publicApi = simulator.Clients.Public(OrcidEnvironment.Sandbox);

        var summary = await publicApi.GetQualificationsAsync(target.Orcid);
        var item = await publicApi.GetQualificationAsync(target.Orcid, created.PutCode);

        Assert.Equal(created.PutCode, Assert.Single(summary.Qualifications).PutCode);
        Assert.Equal("Laser Safety Level 2", item.RoleTitle);
    }

    [Fact]
    public async Task SelfAssertedItemNamesTheResearcherAsSource()
    {
        var target = await simulator.NewTargetAsync();
        var body = new PutQualificationRequest(null, SelfAsserted: true,
            JsonSerializer.SerializeToElement(SampleQualifications.LaserSafety("self-1"), OrcidJson.Options));
        using var put = await simulator.Controls.PostAsJsonAsync($"/_sim/records/{target.Orcid}/qualifications", body);
        var putCode = (await put.Content.ReadFromJsonAsync<PutQualificationResponse>())!.PutCode;

        var item = Assert.Single((await Member.GetQualificationsAsync(target.Access, target.Orcid)).Qualifications);
        var stored = (await simulator.RecordAsync(target.Orcid)).GetProperty("qualifications")[0];

        Assert.Equal(putCode, item.PutCode);
        Assert.Equal(target.Orcid.Value, item.Source?.SourceOrcid?.Path);
        Assert.Null(item.Source?.SourceClientId);
        Assert.Equal("Test Researcher", item.Source?.SourceName);
        Assert.Equal(target.Orcid.Value, stored.GetProperty("source").GetProperty("source-orcid").GetProperty("path").GetString());
    }
}

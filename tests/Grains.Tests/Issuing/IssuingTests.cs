using Consortium.Orcid;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Issuing;
using Consortium.Grains.Launch;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Issuing;

/// <summary>Issuing through real grains, real SQLite storage and real HTTP to the ORCID simulator.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class IssuingTests(SqliteClusterFixture fixture) : IAsyncLifetime
{
    private IssuingScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await IssuingScenario.CreateAsync(fixture.Cluster);

    public Task DisposeAsync()
    {
        _scenario.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AQualificationForAConnectedResearcherIsWrittenOnceWithTheTenantsClientAsSource()
    {
        var orcid = await _scenario.NewResearcherAsync();
        var connected = await _scenario.ConnectAsync(orcid);
        Assert.Equal(ConsentStatus.Connected, connected.Researcher!.Status);

        var submitted = Assert.Single(await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-0001", Orcid: orcid)));
        Assert.Equal(("sandbox.cert-0001", IssuanceStatus.Queued), (submitted.View.Id, submitted.View.Status));
        var written = await _scenario.WaitForAsync("sandbox.cert-0001", v => v.Status == IssuanceStatus.InOrcid);

        var item = Assert.Single(await _scenario.RecordAsync(orcid));
        Assert.Equal(written.PutCode, item.GetProperty("put-code").GetInt64());
        Assert.Equal(_scenario.ClientId, item.GetProperty("source").GetProperty("source-client-id").GetProperty("path").GetString());
        Assert.Equal(IssuingScenario.TemplateTitle, item.GetProperty("role-title").GetString());
        Assert.Equal("Test University", item.GetProperty("organization").GetProperty("name").GetString());
        Assert.Matches("^[A-Za-z0-9_-]{22}$", written.CertificateId);
        var certificateUrl = $"{IssuingScenario.PortalUrl}/t/{_scenario.Tenant}/certificates/{written.CertificateId}";
        Assert.Equal(certificateUrl, item.GetProperty("url").GetProperty("value").GetString());
        Assert.Equal(certificateUrl, item.GetProperty("external-ids").GetProperty("external-id")[0].GetProperty("external-id-url").GetProperty("value").GetString());
        Assert.Equal((written.StartDate!.Value.AddMonths(24), "Ada Lovelace"), (written.EndDate!.Value, written.ResearcherName));

        var again = Assert.Single(await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-0001", Orcid: orcid)));
        Assert.False(again.Changed);
        Assert.Single(await _scenario.RecordAsync(orcid));
    }

    [Fact]
    public async Task TheResearchersTokenIsStoredEncryptedAndNeverInTheClear()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);
        var access = await _scenario.Researcher(orcid).GetAccessAsync();

        Assert.False(await fixture.Cluster.StateContainsAsync(access!.AccessToken), "The researcher's access token is in the database in plain text.");
        Assert.True(await fixture.Cluster.StateContainsAsync(orcid), "The scan should find what is stored in the clear.");
    }

    [Fact]
    public async Task AChangedTemplateUpdatesTheQualificationInPlace()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);
        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-upd", Orcid: orcid));
        var written = await _scenario.WaitForAsync("sandbox.cert-upd", v => v.Status == IssuanceStatus.InOrcid);

        await fixture.Cluster.Client.GetGrain<ITenantTemplatesGrain>(TenantKey.For(_scenario.Tenant))
            .SaveAsync(IssuingScenario.TemplateId, new TemplateInput("Laser Safety Level 3", "Radiation Protection Office", ValidityMonths: 12));
        var updated = await _scenario.WaitForAsync("sandbox.cert-upd", v => v.Title == "Laser Safety Level 3");

        var item = Assert.Single(await _scenario.RecordAsync(orcid));
        Assert.Equal(written.PutCode, updated.PutCode);
        Assert.Equal("Laser Safety Level 3", item.GetProperty("role-title").GetString());
        Assert.Equal(written.StartDate!.Value.AddMonths(12), updated.EndDate);
    }

    [Fact]
    public async Task AnItemAlreadyOnTheRecordWithTheSameExternalIdIsRecoveredInsteadOfDuplicated()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);
        // As if an earlier attempt had written it and crashed before recording the put-code.
        var earlier = await _scenario.Controls.PutQualificationAsync(orcid, _scenario.ClientId, IssuingScenario.TemplateTitle, externalIdValue: "cert-dup");

        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-dup", Orcid: orcid));
        // The recovered item differs from the template (no department): the next step updates it in place.
        await Poll.UntilAsync(async () => (await _scenario.Ledger.MilestonesAsync()).ContainsKey(LaunchStep.Updated));
        var recovered = await _scenario.WaitForAsync("sandbox.cert-dup", v => v.Status == IssuanceStatus.InOrcid && v.Attempts == 0);

        Assert.Equal(earlier, recovered.PutCode);
        var item = Assert.Single(await _scenario.RecordAsync(orcid));
        Assert.Equal("Radiation Protection Office", item.GetProperty("department-name").GetString());
    }

    [Fact]
    public async Task AnEmailInvitationWaitsForConsentAndIsWrittenOnceTheResearcherConnectsThroughIt()
    {
        var orcid = await _scenario.NewResearcherAsync();
        var submitted = Assert.Single(await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-mail", Email: "ada@example.org")));
        Assert.Equal(IssuanceStatus.AwaitingConsent, submitted.View.Status);
        Assert.NotNull(submitted.InvitationToken);

        await _scenario.ConnectAsync(orcid, submitted.InvitationToken);
        var written = await _scenario.WaitForAsync("sandbox.cert-mail", v => v.Status == IssuanceStatus.InOrcid);

        Assert.Equal(orcid, written.Orcid);
        Assert.Single(await _scenario.RecordAsync(orcid));
        // The link is now bound to this researcher: another iD cannot take the qualification with it.
        var someoneElse = await _scenario.NewResearcherAsync("Eve", "Example");
        var refused = await _scenario.ConnectAsync(someoneElse, submitted.InvitationToken);
        Assert.NotNull(refused.Notice);
        Assert.Empty(await _scenario.RecordAsync(someoneElse));
    }

    [Fact]
    public async Task ADeniedInvitationMarksTheIssuanceDeniedAndNothingIsWritten()
    {
        var orcid = await _scenario.NewResearcherAsync();
        var submitted = Assert.Single(await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-deny", Email: "ada@example.org")));

        var outcome = await _scenario.ConnectAsync(orcid, submitted.InvitationToken, authorize: false);

        Assert.Null(outcome.Researcher);
        Assert.Equal(submitted.InvitationToken, outcome.InvitationToken);
        Assert.Equal(IssuanceStatus.Denied, (await _scenario.GetManyAsync("sandbox.cert-deny"))[0].Status);
        Assert.Null(await _scenario.Researcher(orcid).GetAsync());
        Assert.Empty(await _scenario.RecordAsync(orcid));
    }

    [Fact]
    public async Task AStateIsUsedOnceAndOnlyFromTheBrowserThatStartedIt()
    {
        var state = ConsentRequestGrain.NewState();
        var request = fixture.Cluster.Client.GetGrain<IConsentRequestGrain>(ConsentRequestGrain.KeyFor(state));
        await request.BeginAsync(new ConsentRequest(_scenario.Tenant, OrcidEnvironment.Sandbox, "browser-a", "n", null));

        await Assert.ThrowsAsync<ConsentRefusedException>(() => request.DenyAsync(_scenario.Tenant, "browser-b"));
        // Spent by the wrong attempt: the right browser cannot use it afterwards either.
        await Assert.ThrowsAsync<ConsentRefusedException>(() => request.DenyAsync(_scenario.Tenant, "browser-a"));

        var other = fixture.Cluster.Client.GetGrain<IConsentRequestGrain>(ConsentRequestGrain.KeyFor(ConsentRequestGrain.NewState()));
        await other.BeginAsync(new ConsentRequest(_scenario.Tenant, OrcidEnvironment.Sandbox, "browser-a", "n", null));
        await Assert.ThrowsAsync<ConsentRefusedException>(() => other.DenyAsync("another-tenant", "browser-a"));
    }

    [Fact]
    public async Task DisconnectingRevokesTheTokenAtOrcidAndPendingIssuancesAreNotWritten()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);

        var disconnected = await _scenario.Researcher(orcid).DisconnectAsync();
        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-after", Orcid: orcid));
        var pending = await _scenario.WaitForAsync("sandbox.cert-after", v => v.Status != IssuanceStatus.Queued);

        Assert.Equal(ConsentStatus.Disconnected, disconnected!.Status);
        Assert.Null(await _scenario.Researcher(orcid).GetAccessAsync());
        var tokens = await _scenario.Simulator.GetFromJsonAsync<JsonElement[]>($"/_sim/tokens?clientId={_scenario.ClientId}");
        Assert.All(tokens!.Where(t => t.GetProperty("orcid").GetString() == orcid), t => Assert.True(t.GetProperty("revoked").GetBoolean()));
        Assert.Equal(IssuanceStatus.ConsentEnded, pending.Status);
        Assert.Contains("disconnected", pending.Error);
        Assert.Empty(await _scenario.RecordAsync(orcid));
        Assert.Equal(ConsentStatus.Disconnected, (await _scenario.ListResearchersAsync()).Single(r => r.Orcid == orcid).Status);
    }

    [Fact]
    public async Task RevokingDeletesTheQualificationFromTheRecord()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);
        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-rev", Orcid: orcid));
        await _scenario.WaitForAsync("sandbox.cert-rev", v => v.Status == IssuanceStatus.InOrcid);

        await _scenario.Ledger.RevokeAsync("sandbox.cert-rev");
        var revoked = await _scenario.WaitForAsync("sandbox.cert-rev", v => v.Status == IssuanceStatus.Revoked);

        Assert.Equal("Withdrawn by the organisation.", revoked.Error);
        Assert.Empty(await _scenario.RecordAsync(orcid));
    }

    [Fact]
    public async Task ReconciliationNoticesAQualificationTheResearcherDeleted()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);
        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-gone", Orcid: orcid));
        var written = await _scenario.WaitForAsync("sandbox.cert-gone", v => v.Status == IssuanceStatus.InOrcid);
        // The researcher deletes it on ORCID's site; the simulator's researcher-side delete is the member API with their own token.
        await DeleteAsResearcherAsync(orcid, written.PutCode!.Value);

        Assert.Equal(1, await _scenario.Ledger.ReconcileAsync());
        var reconciled = await _scenario.WaitForAsync("sandbox.cert-gone", v => v.Status == IssuanceStatus.DeletedInOrcid);

        Assert.Contains("deleted it", reconciled.Error);
    }

    [Fact]
    public async Task ATokenOrcidRejectsEndsTheConsentAndShowsOnTheIssuance()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);
        var access = await _scenario.Researcher(orcid).GetAccessAsync();
        await _scenario.RevokeAtOrcidAsync(access!.AccessToken);

        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-401", Orcid: orcid));
        var rejected = await _scenario.WaitForAsync("sandbox.cert-401", v => v.Status != IssuanceStatus.Queued);

        Assert.Equal(IssuanceStatus.ConsentEnded, rejected.Status);
        Assert.Equal(ConsentStatus.RejectedByOrcid, (await _scenario.Researcher(orcid).GetAsync())!.Status);
    }

    [Fact]
    public async Task ASuspendedOrganisationNeitherConnectsNorSubmitsUntilResumed()
    {
        var orcid = await _scenario.NewResearcherAsync();
        var tenant = fixture.Cluster.Client.GetGrain<ITenantGrain>(TenantKey.For(_scenario.Tenant));
        await tenant.SetSuspendedAsync(true);

        var submit = await Assert.ThrowsAsync<IssuingClosedException>(() => _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-susp", Orcid: orcid)));
        var connect = await Assert.ThrowsAsync<ConsentRefusedException>(() => _scenario.ConnectAsync(orcid));
        await tenant.SetSuspendedAsync(false);
        await _scenario.ConnectAsync(orcid);
        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-susp", Orcid: orcid));

        Assert.Contains("suspended", submit.Message);
        Assert.Contains("suspended", connect.Message);
        Assert.Equal(IssuanceStatus.InOrcid, (await _scenario.WaitForAsync("sandbox.cert-susp", v => v.Status == IssuanceStatus.InOrcid)).Status);
    }

    [Fact]
    public async Task ProductionIsClosedUntilTheLaunchIsApproved()
    {
        var production = fixture.Cluster.Client.GetGrain<ITenantIssuingGrain>(IssuingKey.For(_scenario.Tenant, OrcidEnvironment.Production));

        var closed = await Assert.ThrowsAsync<IssuingClosedException>(() =>
            production.SubmitAsync([new NewIssuance(IssuingScenario.TemplateId, "cert-prod", Orcid: "0000-0002-1825-0097")], IssuingScenario.PortalUrl));

        Assert.Contains("launch review", closed.Message);
        Assert.Equal(0, (await _scenario.Reader.CountsAsync(_scenario.Tenant, OrcidEnvironment.Production)).Total);
    }

    [Theory]
    [InlineData("nope", "0000-0002-1825-0097", null, "templateId")]
    [InlineData(IssuingScenario.TemplateId, "0000-0002-1825-0098", null, "orcid")]
    [InlineData(IssuingScenario.TemplateId, null, null, "orcid")]
    [InlineData(IssuingScenario.TemplateId, null, "not-an-email", "email")]
    public async Task ABadRequestIsNamedAndNothingIsSubmitted(string templateId, string? orcid, string? email, string field)
    {
        var invalid = await Assert.ThrowsAsync<InvalidFieldException>(() => _scenario.IssueAsync(
            new NewIssuance(IssuingScenario.TemplateId, "cert-good", Orcid: "0000-0002-1825-0097"),
            new NewIssuance(templateId, "cert-bad", orcid, email)));

        Assert.Equal(field, invalid.Field);
        Assert.Equal(0, (await _scenario.CountsAsync()).Total);
    }

    // Well formed with the right check digits, so the portal takes it, but no organisation has it: ORCID refuses it with 400/9045.
    private const string UnknownRorId = "https://ror.org/000000098";

    [Fact]
    public async Task AnIdOrcidDoesNotKnowFailsNamingItAndARetryAfterTheFixIsWritten()
    {
        var tenant = fixture.Cluster.Client.GetGrain<ITenantGrain>(TenantKey.For(_scenario.Tenant));
        await tenant.SetOrganisationAsync(new OrganisationDetails("Test University", UnknownRorId, null, null));
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);

        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-org", Orcid: orcid));
        var failed = await _scenario.WaitForAsync("sandbox.cert-org", v => v.Status == IssuanceStatus.Failed);

        Assert.Equal($"ORCID does not know the organisation id {UnknownRorId} (ROR). Check it in Settings → Organisation (copy it from the organisation's page on ror.org), then retry.", failed.Error);
        Assert.Empty(await _scenario.RecordAsync(orcid));

        await tenant.SetOrganisationAsync(new OrganisationDetails("Test University", "02mhbdp94", null, null));
        await _scenario.Ledger.RetryAsync("sandbox.cert-org");
        var written = await _scenario.WaitForAsync("sandbox.cert-org", v => v.Status == IssuanceStatus.InOrcid);

        var item = Assert.Single(await _scenario.RecordAsync(orcid));
        Assert.Equal(written.PutCode, item.GetProperty("put-code").GetInt64());
        var organization = item.GetProperty("organization");
        Assert.Equal("https://ror.org/02mhbdp94", organization.GetProperty("disambiguated-organization").GetProperty("disambiguated-organization-identifier").GetString());
        // No city and no country: optional for a qualification.
        Assert.Equal("{}", organization.GetProperty("address").GetRawText());
    }

    private async Task DeleteAsResearcherAsync(string orcid, long putCode)
    {
        var access = await _scenario.Researcher(orcid).GetAccessAsync();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/v3.0/{orcid}/qualification/{putCode}");
        request.Headers.Authorization = new("Bearer", access!.AccessToken);
        (await _scenario.Simulator.SendAsync(request)).EnsureSuccessStatusCode();
    }
}

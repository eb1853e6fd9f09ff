using Consortium.Orcid;
using System.Text.Json;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.OrcidSimulator.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Grains.Tests.Infrastructure;

/// <summary>
/// A member organisation ready to issue in sandbox against the cluster's simulator: organisation details, a template,
/// and a client registered in the simulator. Researchers connect through the real OAuth round trip (the simulator
/// decides the consent at once, as <c>/_sim/next-consent</c> asks).
/// </summary>
public sealed class IssuingScenario(SqliteTestCluster cluster, string consortium, string tenant, string clientId, string clientSecret) : IDisposable
{
    public const string TemplateId = "laser-2";
    public const string TemplateTitle = "Laser Safety Level 2";
    public const string PortalUrl = "http://portal.test";
    private static readonly Uri RedirectUri = new($"{PortalUrl}/t/callback");

    private readonly HttpClient _simulator = new() { BaseAddress = cluster.OrcidSandbox };

    public string Consortium => consortium;

    public string Tenant => tenant;

    public string ClientId => clientId;

    /// <summary>The simulator's other controls: faults, tokens, and its member API.</summary>
    public HttpClient Simulator => _simulator;

    public SimulatorControls Controls { get; } = new(cluster.OrcidSandbox);

    private IGrainFactory Grains => cluster.Client;

    public ITenantIssuingGrain Ledger => Grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant, OrcidEnvironment.Sandbox));

    /// <summary>The lists and counts, as the portal reads them: the projection in the silo's database, and the queue.</summary>
    public IssuingReader Reader => cluster.Services.GetRequiredService<IssuingReader>();

    public Task<IssuingCounts> CountsAsync() => Reader.CountsAsync(tenant, OrcidEnvironment.Sandbox);

    public Task<IReadOnlyList<IssuanceView>> GetManyAsync(params string[] ids) => Reader.GetManyAsync(tenant, ids);

    public async Task<IReadOnlyList<IssuanceView>> ListAsync(IssuanceQuery query) => (await Reader.ListAsync(tenant, OrcidEnvironment.Sandbox, query)).Items;

    public async Task<IReadOnlyList<ResearcherView>> ListResearchersAsync() =>
        (await Reader.ListResearchersAsync(tenant, OrcidEnvironment.Sandbox, new ResearcherQuery { Take = ResearcherQuery.MaxTake })).Items;

    /// <param name="consortium">The consortium the member organisation joins; a new one by default.</param>
    public static async Task<IssuingScenario> CreateAsync(SqliteTestCluster cluster, string? consortium = null)
    {
        var tenant = UniqueSlug.New();
        var joined = consortium is null ? await TestConsortia.CreateAsync(cluster.Client) : cluster.Client.GetGrain<IConsortiumGrain>(ConsortiumKey.For(consortium));
        var created = await joined.CreateTenantAsync(new NewTenant(tenant, "Test University", "02mhbdp94"));
        await cluster.Client.GetGrain<ITenantGrain>(TenantKey.For(tenant)).SetOrganisationAsync(new OrganisationDetails("Test University", "02mhbdp94", "Wellington", "NZ"));
        await cluster.Client.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenant))
            .SaveAsync(TemplateId, new TemplateInput(TemplateTitle, "Radiation Protection Office", ValidityMonths: 24));
        using var controls = new SimulatorControls(cluster.OrcidSandbox);
        var (clientId, clientSecret) = await controls.RegisterClientAsync("Test University", $"{PortalUrl}/t/");
        await cluster.Client.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant, OrcidEnvironment.Sandbox)).StoreAsync(clientId, clientSecret);
        return new IssuingScenario(cluster, created.ConsortiumSlug, tenant, clientId, clientSecret);
    }

    /// <returns>The iD of a new researcher in the simulator.</returns>
    public async Task<string> NewResearcherAsync(string givenNames = "Ada", string familyNames = "Lovelace") =>
        (await Controls.CreateResearcherAsync(givenNames, familyNames, $"{Guid.NewGuid():N}@example.org")).Orcid;

    /// <returns>The iDs of <paramref name="count"/> new researchers, each connected to the tenant.</returns>
    public async Task<IReadOnlyList<string>> ConnectedResearchersAsync(int count)
    {
        var researchers = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var orcid = await NewResearcherAsync();
            await ConnectAsync(orcid);
            researchers.Add(orcid);
        }
        return researchers;
    }

    /// <summary>Each researcher's record holds exactly <paramref name="perResearcher"/> items, and they are the ones the ledger
    /// has in ORCID, put-code for put-code: nothing lost, nothing written twice.</summary>
    public async Task AssertEachWrittenOnceAsync(IReadOnlyList<string> researchers, int perResearcher)
    {
        var onRecords = new List<long>();
        foreach (var orcid in researchers)
        {
            var items = await RecordAsync(orcid);
            Assert.Equal(perResearcher, items.Count);
            onRecords.AddRange(items.Select(item => item.GetProperty("put-code").GetInt64()));
        }
        var issued = await ListAsync(IssuanceQuery.WithStatus(IssuanceStatus.InOrcid) with { Take = IssuanceQuery.MaxTake });
        Assert.Equal(onRecords.Order(), issued.Select(i => i.PutCode!.Value).Order());
    }

    /// <summary>The researcher's trip to ORCID's authorize page and back, as the portal's endpoints make it.</summary>
    /// <param name="scope">What the researcher grants; the portal asks for all three.</param>
    public async Task<ConsentOutcome> ConnectAsync(string orcid, string? invitationToken = null, bool authorize = true,
        string scope = "openid /read-limited /activities/update")
    {
        var state = ConsentRequestGrain.NewState();
        const string proof = "this-browser";
        var request = Grains.GetGrain<IConsentRequestGrain>(ConsentRequestGrain.KeyFor(state));
        await request.BeginAsync(new ConsentRequest(tenant, OrcidEnvironment.Sandbox, proof, "nonce-1", invitationToken));
        await Controls.DecideNextConsentAsync(orcid, authorize);
        return await Controls.AuthorizeAsync(clientId, RedirectUri, state, scope, "nonce-1") is { } code
            ? await request.AuthorizeAsync(tenant, proof, code, RedirectUri)
            : await request.DenyAsync(tenant, proof);
    }

    /// <summary>Revokes a token on ORCID's side, as when the researcher removes the organisation from their trusted parties there.</summary>
    public async Task RevokeAtOrcidAsync(string token)
    {
        using var form = new FormUrlEncodedContent([new("client_id", clientId), new("client_secret", clientSecret), new("token", token)]);
        (await _simulator.PostAsync("/oauth/revoke", form)).EnsureSuccessStatusCode();
    }

    public IResearcherGrain Researcher(string orcid) => Grains.GetGrain<IResearcherGrain>(ResearcherKey.For(tenant, OrcidEnvironment.Sandbox, orcid));

    public Task<IReadOnlyList<IssuanceCreated>> IssueAsync(params NewIssuance[] issuances) => Ledger.SubmitAsync(issuances, PortalUrl);

    /// <summary>Polls the issuance until it satisfies <paramref name="done"/>.</summary>
    public async Task<IssuanceView> WaitForAsync(string issuanceId, Func<IssuanceView, bool> done, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var issuance = Grains.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(tenant, issuanceId));
        while (true)
        {
            var view = await issuance.GetAsync();
            if (view is not null && done(view))
            {
                return view;
            }
            await Task.Delay(100, cancel.Token);
        }
    }

    /// <returns>The qualifications on the researcher's record in the simulator, as ORCID stores them.</returns>
    public Task<IReadOnlyList<JsonElement>> RecordAsync(string orcid) => Controls.QualificationsAsync(orcid);

    public void Dispose()
    {
        _simulator.Dispose();
        Controls.Dispose();
    }
}

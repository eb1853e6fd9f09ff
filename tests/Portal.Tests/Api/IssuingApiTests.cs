using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Consortium.Orcid;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Api;

/// <summary>Issuing through the REST API: templates, single issuances, CSV batches and researchers, against the embedded simulator.</summary>
public sealed class IssuingApiTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly HttpClient _operator = portal.CreateApiClient(portal.OperatorApiKey);
    private IssuingTenant _issuing = null!;
    private string _tenant = "";

    public async Task InitializeAsync()
    {
        _issuing = await IssuingTenant.CreateAsync(portal, _operator);
        _tenant = _issuing.Slug;
    }

    public Task DisposeAsync()
    {
        _issuing.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnIssuanceIsAcceptedAtOnceWrittenInTheBackgroundAndTheSameExternalIdIsTheSameIssuance()
    {
        var orcid = await ConnectResearcherAsync();

        var accepted = await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid, externalId = "cert-0001" });
        var again = await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid, externalId = "cert-0001" });
        var written = await WaitForIssuanceAsync("sandbox.cert-0001", "in-orcid");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sandbox.cert-0001", body.GetProperty("id").GetString());
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "queued", "in-orcid" });
        Assert.Equal("sandbox.cert-0001", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.True(written.GetProperty("putCode").GetInt64() > 0);
        Assert.Single(await RecordAsync(orcid));
        var researcher = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{_tenant}/researchers/{orcid}?env=sandbox");
        Assert.Equal("connected", researcher.GetProperty("consent").GetProperty("status").GetString());
        Assert.Contains("/activities/update", researcher.GetProperty("consent").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("cert-0001", Assert.Single(researcher.GetProperty("issuances").EnumerateArray()).GetProperty("externalId").GetString());
        var inOrcid = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{_tenant}/issuances?env=sandbox&status=in-orcid");
        Assert.Contains("sandbox.cert-0001", inOrcid.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var badStatus = await _operator.GetAsync($"/api/v1/tenants/{_tenant}/issuances?env=sandbox&status=written");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStatus.StatusCode);
    }

    [Fact]
    public async Task TheListFindsIssuancesByAnyPartOfTheirIdsOrPeopleAndPagesThemInTheOrderAsked()
    {
        var orcid = await ConnectResearcherAsync();
        foreach (var (externalId, email, family) in new[] { ("find-1", "grace@example.org", "Hopper"), ("find-2", "marie@example.org", "Curie"), ("find-3", "ada@example.org", "Lovelace") })
        {
            (await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
                new { env = "sandbox", templateId = "laser-2", email, givenNames = "Dr", familyNames = family, externalId })).EnsureSuccessStatusCode();
        }
        (await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances", new { env = "sandbox", templateId = "laser-2", orcid, externalId = "find-4" })).EnsureSuccessStatusCode();

        // "ids of this page / total"
        async Task<string> ListAsync(string query)
        {
            var page = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{_tenant}/issuances?env=sandbox&{query}");
            return $"{string.Join(' ', page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("externalId").GetString()))} / {page.GetProperty("total").GetInt32()}";
        }

        Assert.Equal("find-2 / 1", await ListAsync("q=CURIE"));
        Assert.Equal("find-1 / 1", await ListAsync("q=grace%40example"));
        Assert.Equal("find-4 / 1", await ListAsync($"q={orcid[^9..]}"));
        Assert.Equal("find-1 find-2 / 4", await ListAsync("q=find-&sort=external-id&take=2"));
        Assert.Equal("find-3 find-4 / 4", await ListAsync("q=find-&sort=external-id&take=2&skip=2"));
        Assert.EndsWith("/ 3", await ListAsync("q=find-&status=awaiting-consent&templateId=laser-2"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.EndsWith("/ 4", await ListAsync($"q=find-&from={today}&to={today}"));
        Assert.Equal(" / 0", await ListAsync($"q=find-&to={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}"));
        var researchers = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{_tenant}/researchers?env=sandbox&q={orcid}");
        Assert.Equal(1, researchers.GetProperty("total").GetInt32());
        Assert.Equal(orcid, Assert.Single(researchers.GetProperty("items").EnumerateArray()).GetProperty("orcid").GetString());

        // The operator rebuilds the lists from the grains: the same answers.
        var rebuilt = await _operator.PostAsync($"/api/v1/operations/issuing-projection/rebuild?tenant={_tenant}", null);
        Assert.Equal(5, (await rebuilt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").GetInt32()); // 4 issuances, 1 researcher
        Assert.Equal("find-1 find-2 / 4", await ListAsync("q=find-&sort=external-id&take=2"));
    }

    [Fact]
    public async Task BadIssuancesAreNamedAndProductionIsClosedUntilTheConsortiumApprovesTheLaunch()
    {
        var unknownTemplate = await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "sandbox", templateId = "nope", orcid = "0000-0002-1825-0097", externalId = "x-1" });
        var badOrcid = await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid = "0000-0002-1825-0098", externalId = "x-2" });
        var both = await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid = "0000-0002-1825-0097", email = "josiah@example.org", externalId = "x-5" });
        var production = await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "production", templateId = "laser-2", orcid = "0000-0002-1825-0097", externalId = "x-3" });
        var tenantKey = (await (await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/api-keys", new { name = "hr" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("key").GetString()!;
        var selfApproval = await portal.CreateApiClient(tenantKey).PostAsync($"/api/v1/tenants/{_tenant}/launch-review/approve", null);
        var review = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{_tenant}/launch-review");
        var earlySubmission = await _operator.PostAsync($"/api/v1/tenants/{_tenant}/launch-review/submit", null);
        var approval = await _operator.PostAsync($"/api/v1/tenants/{_tenant}/launch-review/approve", null);
        var productionWithoutClient = await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "production", templateId = "laser-2", orcid = "0000-0002-1825-0097", externalId = "x-4" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownTemplate.StatusCode);
        Assert.True((await unknownTemplate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("templateId", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badOrcid.StatusCode);
        Assert.Contains("check digit", (await badOrcid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, both.StatusCode);
        Assert.Contains("not both", Assert.Single((await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("email").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.Conflict, production.StatusCode);
        Assert.Contains("launch review", (await production.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Equal("open", review.GetProperty("status").GetString());
        Assert.Contains(review.GetProperty("checklist").EnumerateArray(), check => !check.GetProperty("done").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, earlySubmission.StatusCode);
        Assert.Contains("Not ready to submit", (await earlySubmission.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal("approved", (await approval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, productionWithoutClient.StatusCode);
        Assert.Contains("production client", (await productionWithoutClient.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var summary = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{_tenant}/issuing/summary?env=sandbox");
        Assert.Equal(0, summary.GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task AStartDateOrcidCannotTakeIsRefusedByTheApiAndTheDryRunNamingTheField()
    {
        var refused = await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid = "0000-0002-1825-0097", externalId = "poison-1", startDate = "9999-12-31" });
        var dryRun = await UploadAsync("template,external_id,orcid,start_date\nlaser-2,poison-2,0000-0002-1825-0097,9999-12-31\n", dryRun: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("1900 to 2100", Assert.Single(problem.GetProperty("errors").GetProperty("startDate").EnumerateArray()).GetString());
        Assert.Equal(0, dryRun.GetProperty("validRows").GetInt32());
        var row = Assert.Single(dryRun.GetProperty("problems").EnumerateArray());
        Assert.Equal((2, "start_date"), (row.GetProperty("line").GetInt32(), row.GetProperty("field").GetString()));
        Assert.Equal(0, (await Summary()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ACsvOfAThousandRowsWithTwentyBadOnesReportsEachAndApplyingTwiceWritesExactly980()
    {
        var researchers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            researchers.Add(await ConnectResearcherAsync());
        }
        var (csv, badLines) = ThousandRowCsv(researchers);

        var dryRun = await UploadAsync(csv, dryRun: true);
        Assert.Equal((1000, 980), (dryRun.GetProperty("totalRows").GetInt32(), dryRun.GetProperty("validRows").GetInt32()));
        Assert.Equal(badLines, dryRun.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()).Distinct().Order());
        Assert.Equal(0, (await Summary()).GetProperty("pending").GetInt32());

        // ORCID is busy now and then throughout; the outcome must not change.
        (await _issuing.Simulator.PostAsJsonAsync("/_sim/faults", new { kind = "Burst503", rate = 0.1, durationSeconds = 600 })).EnsureSuccessStatusCode();
        var applied = await UploadAsync(csv, dryRun: false);
        // Answered before the issuances exist: each accepted row says so until the batch creates it in the background.
        Assert.Contains(applied.GetProperty("rows").EnumerateArray(), row => row.GetProperty("status").GetString() == "accepted");
        await UntilCreatedAsync(applied);
        await WaitUntilAsync(async () => (await Summary()) is var summary && summary.GetProperty("pending").GetInt32() == 0, TimeSpan.FromSeconds(180));
        var appliedAgain = await UploadAsync(csv, dryRun: false);
        await UntilCreatedAsync(appliedAgain);
        await WaitUntilAsync(async () => (await Summary()).GetProperty("pending").GetInt32() == 0, TimeSpan.FromSeconds(60));

        Assert.Equal(980, applied.GetProperty("validRows").GetInt32());
        Assert.All(appliedAgain.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("status").GetString() != "rejected"),
            row => Assert.Equal("in-orcid", row.GetProperty("status").GetString()));
        var onRecords = 0;
        foreach (var orcid in researchers)
        {
            onRecords += (await RecordAsync(orcid)).Count;
        }
        Assert.Equal(980, onRecords);
        var result = await _operator.GetStringAsync($"/api/v1/tenants/{_tenant}/batches/{applied.GetProperty("batchId").GetString()}/result.csv");
        var lines = result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("line,external_id,orcid,email,status,put_code,error", lines[0]);
        Assert.Equal(980, lines.Count(l => l.Contains(",in-orcid,")));
        Assert.Equal(20, lines.Count(l => l.Contains(",rejected,")));
        // A rejected row keeps what names it (line 9 is row 7, its iD's check digit wrong).
        Assert.Single(lines, l => l.StartsWith("9,b-7,", StringComparison.Ordinal) && l.Contains(",rejected,"));
    }

    /// <summary>1,000 rows for the researchers; 20 of them bad in the ways admins get rows wrong. Returns the bad rows' line numbers.</summary>
    private static (string Csv, IReadOnlyList<int> BadLines) ThousandRowCsv(IReadOnlyList<string> researchers)
    {
        var csv = new StringBuilder("template,external_id,orcid,email,start_date\n");
        var badLines = new List<int>();
        for (var row = 0; row < 1000; row++)
        {
            var line = row + 2;
            var orcid = researchers[row % researchers.Count];
            var bad = row % 50 == 7;
            if (bad)
            {
                badLines.Add(line);
            }
            csv.AppendLine((bad, row / 50 % 5) switch
            {
                (true, 0) => $"laser-2,b-{row},{orcid[..^1]}{(orcid[^1] == '1' ? '2' : '1')},,",
                (true, 1) => $"laser-2,b-{row},{orcid},,2025-13-45",
                (true, 2) => $"no-such-template,b-{row},{orcid},,",
                (true, 3) => $"laser-2,,{orcid},,",
                (true, _) => $"laser-2,b-0,{orcid},,",
                _ => $"laser-2,b-{row},{orcid},,2025-03-01",
            });
        }
        return (csv.ToString(), badLines);
    }

    private async Task<JsonElement> UploadAsync(string csv, bool dryRun)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await _operator.PostAsync($"/api/v1/tenants/{_tenant}/batches?env=sandbox&dryRun={dryRun}", content);
        Assert.Equal(dryRun ? HttpStatusCode.OK : HttpStatusCode.Accepted, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!dryRun)
        {
            Assert.Equal($"/api/v1/tenants/{_tenant}/batches/{report.GetProperty("batchId").GetString()}", response.Headers.Location?.OriginalString);
        }
        return report;
    }

    /// <summary>Until the applied batch has created every accepted row's issuance.</summary>
    private Task UntilCreatedAsync(JsonElement applied) => WaitUntilAsync(async () =>
        (await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{_tenant}/batches/{applied.GetProperty("batchId").GetString()}"))
            is var batch && !batch.GetProperty("creating").GetBoolean() && batch.GetProperty("created").GetInt32() == applied.GetProperty("validRows").GetInt32(),
        TimeSpan.FromSeconds(120));

    private Task<JsonElement> Summary() => _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{_tenant}/issuing/summary?env=sandbox");

    // Right check digits, so the portal takes it; no organisation has it, so ORCID refuses it (400/9045) until told of it.
    private const string UnknownRorId = "https://ror.org/000000098";

    [Fact]
    public async Task AnIdOrcidDoesNotKnowIsNamedAndARetryOnceOrcidKnowsItIsWritten()
    {
        (await _operator.PutAsJsonAsync($"/api/v1/tenants/{_tenant}/organisation",
            new { name = "Newly Registered University", rorId = "000000098" })).EnsureSuccessStatusCode();
        var orcid = await ConnectResearcherAsync();

        (await _operator.PostAsJsonAsync($"/api/v1/tenants/{_tenant}/issuances",
            new { env = "sandbox", templateId = IssuingTenant.TemplateId, orcid, externalId = "cert-new-org" })).EnsureSuccessStatusCode();
        var failed = await WaitForIssuanceAsync("sandbox.cert-new-org", "failed");

        Assert.Equal($"ORCID does not know the organisation id {UnknownRorId} (ROR). Check it in Settings → Organisation (copy it from the organisation's page on ror.org), then retry.",
            failed.GetProperty("error").GetString());
        Assert.Empty(await RecordAsync(orcid));

        await _issuing.Controls.AddOrganisationAsync("ROR", UnknownRorId, "Newly Registered University");
        (await _operator.PostAsync($"/api/v1/tenants/{_tenant}/issuances/sandbox.cert-new-org/retry", null)).EnsureSuccessStatusCode();
        await WaitForIssuanceAsync("sandbox.cert-new-org", "in-orcid");

        var item = Assert.Single(await RecordAsync(orcid));
        Assert.Equal(UnknownRorId, item.GetProperty("organization").GetProperty("disambiguated-organization").GetProperty("disambiguated-organization-identifier").GetString());
    }

    private Task<string> ConnectResearcherAsync() => _issuing.ConnectResearcherAsync();

    private Task<JsonElement> WaitForIssuanceAsync(string id, string status) => _issuing.WaitForIssuanceAsync(id, status);

    private Task<IReadOnlyList<JsonElement>> RecordAsync(string orcid) => _issuing.Controls.QualificationsAsync(orcid);

    private static Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null) => IssuingTenant.WaitUntilAsync(condition, timeout);
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Courses;

/// <summary>Claim links through the REST API: what a bad request is told, the CSV upload and its answer, and what is stored.</summary>
public sealed class ClaimsApiTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly HttpClient _operator = portal.CreateApiClient(portal.OperatorApiKey);
    private IssuingTenant _issuing = null!;
    private string Tenant => _issuing.Slug;

    public async Task InitializeAsync() => _issuing = await IssuingTenant.CreateAsync(portal, _operator);

    public Task DisposeAsync()
    {
        _issuing.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("learner.email", """{"env":"sandbox","templateId":"laser-2","externalId":"c-1","learner":{"email":"not-an-address"},"course":{"id":"LS-101"}}""")]
    [InlineData("learner.email", """{"env":"sandbox","templateId":"laser-2","externalId":"c-1","learner":{"givenNames":"Nobody"},"course":{"id":"LS-101"}}""")]
    [InlineData("course.id", """{"env":"sandbox","templateId":"laser-2","externalId":"c-1","learner":{"email":"a@example.org"},"course":{"name":"No id"}}""")]
    [InlineData("templateId", """{"env":"sandbox","templateId":"nope","externalId":"c-1","learner":{"email":"a@example.org"},"course":{"id":"LS-101"}}""")]
    [InlineData("externalId", """{"env":"sandbox","templateId":"laser-2","externalId":"no spaces","learner":{"email":"a@example.org"},"course":{"id":"LS-101"}}""")]
    [InlineData("completedAt", """{"env":"sandbox","templateId":"laser-2","externalId":"c-1","learner":{"email":"a@example.org"},"course":{"id":"LS-101"},"completedAt":"last week"}""")]
    public async Task ABadClaimIsRefusedNamingItsFieldAndNothingIsCreated(string field, string json)
    {
        using var response = await _operator.PostAsync($"/api/v1/tenants/{Tenant}/claims", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await ListAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ACsvOfClaimsIsAnsweredWithOneLinkPerRowAndTheSameFileAgainGivesTheSameLinks()
    {
        const string Csv = """
            template,external_id,email,given_names,family_names,lms_user_id,course_id,course_name,completed_at
            laser-2,ls-1,ana@example.org,Ana,Ames,101,LS-101,Laser Safety,2026-11-01
            laser-2,ls-2,,Ben,Bell,102,LS-101,Laser Safety,2026-11-02T09:30:00Z
            """;

        var first = await UploadAsync(Csv);
        var again = await UploadAsync(Csv);

        Assert.Equal(["line,external_id,claim_url,expires_at,status", "2,ls-1,", "3,ls-2,"], first.Select((line, i) => i == 0 ? line : line[..(line.IndexOf(",ls-") + 6)]));
        Assert.All(first.Skip(1), line => Assert.EndsWith(",created", line));
        Assert.All(again.Skip(1), line => Assert.EndsWith(",existing", line));
        Assert.Equal(first.Skip(1).Select(Link), again.Skip(1).Select(Link));
        Assert.All(first.Skip(1), line => Assert.StartsWith($"http://localhost/t/{Tenant}/claim/", Link(line)));
        var listed = await ListAsync();
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        Assert.All(listed.GetProperty("items").EnumerateArray(), item => Assert.Equal("awaiting-claim", item.GetProperty("status").GetString()));
        var ben = Assert.Single(listed.GetProperty("items").EnumerateArray(), item => item.GetProperty("externalId").GetString() == "ls-2");
        Assert.Equal("2026-11-02", ben.GetProperty("completedAt").GetString());
        Assert.Equal("102", ben.GetProperty("learner").GetProperty("lmsUserId").GetString());
    }

    [Fact]
    public async Task ACsvWithABadRowNamesEachLineAndColumnAndCreatesNothing()
    {
        const string Csv = """
            template,external_id,email,course_id
            laser-2,ok-1,ok@example.org,LS-101
            laser-3,bad-1,bad@example.org,LS-101
            laser-2,bad-2,not-an-address,LS-101
            laser-2,ok-1,dup@example.org,LS-101
            """;
        using var response = await _operator.PostAsync($"/api/v1/tenants/{Tenant}/claims/csv?env=sandbox", new StringContent(Csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["line 3: template", "line 4: email", "line 5: external_id"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("There is no template 'laser-3'", errors.GetProperty("line 3: template")[0].GetString());
        Assert.Equal(0, (await ListAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheLinksSecretIsStoredNowhereInPlainText()
    {
        using var response = await _operator.PostAsJsonAsync($"/api/v1/tenants/{Tenant}/claims", new
        {
            env = "sandbox", templateId = "laser-2", externalId = "secret-1", learner = new { email = "s@example.org" }, course = new { id = "LS-101" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var secret = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimUrl").GetString()!.Split('/')[^1].Split('.')[1];

        var stored = new StringBuilder();
        foreach (var file in Directory.GetFiles(portal.DataDirectory, "consortium.db*"))
        {
            await using var read = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var text = new StreamReader(read, Encoding.Latin1);
            stored.Append(await text.ReadToEndAsync());
        }
        Assert.True(stored.Length > 0);
        Assert.DoesNotContain(secret, stored.ToString());
    }

    [Fact]
    public async Task AClaimLinkOpensUnderItsOwnOrganisationOnly()
    {
        using var other = await IssuingTenant.CreateAsync(portal, _operator);
        using var response = await _operator.PostAsJsonAsync($"/api/v1/tenants/{Tenant}/claims", new
        {
            env = "sandbox", templateId = "laser-2", externalId = "mine-1", learner = new { email = "m@example.org" }, course = new { id = "LS-101" },
        });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimUrl").GetString()!.Split('/')[^1];
        var browser = portal.CreateClient();

        var own = await browser.GetStringAsync($"/t/{Tenant}/claim/{token}");
        var elsewhere = await browser.GetStringAsync($"/t/{other.Slug}/claim/{token}");

        Assert.Contains("Claim your qualification: Laser Safety Level 2", own);
        Assert.Contains("This claim link is not valid.", elsewhere);
        Assert.DoesNotContain("Laser Safety Level 2", elsewhere);
    }

    private async Task<string[]> UploadAsync(string csv)
    {
        using var response = await _operator.PostAsync($"/api/v1/tenants/{Tenant}/claims/csv?env=sandbox", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string Link(string resultLine) => resultLine.Split(',')[2];

    private Task<JsonElement> ListAsync() => _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/claims?env=sandbox");
}

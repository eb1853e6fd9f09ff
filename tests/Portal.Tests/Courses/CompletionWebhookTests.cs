using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Courses;

/// <summary>Course completions through the signed webhook, against the embedded simulator: what is refused, and that a completion
/// is written once, with the consent a learner gave at sign-up, or becomes a claim link for one who never connected.</summary>
public sealed class CompletionWebhookTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly HttpClient _operator = portal.CreateApiClient(portal.OperatorApiKey);
    private readonly HttpClient _platform = portal.CreateClient();
    private IssuingTenant _issuing = null!;
    private string _secret = "";

    private string Tenant => _issuing.Slug;

    public async Task InitializeAsync()
    {
        _issuing = await IssuingTenant.CreateAsync(portal, _operator);
        (await _operator.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/course-platform/courses/LS-101", new { templateId = IssuingTenant.TemplateId })).EnsureSuccessStatusCode();
        using var secret = await _operator.PostAsync($"/api/v1/tenants/{Tenant}/course-platform/secret", null);
        _secret = (await secret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    public Task DisposeAsync()
    {
        _issuing.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ACallWithABadSignatureIsRefusedAndChangesNothing()
    {
        var body = Generic("LS-101", "u-1", "one@example.org");

        using var wrongKey = await SendAsync(body, secret: "whsec_not-the-secret");
        using var unsigned = await SendAsync(body, signature: "");
        using var tampered = await SendAsync(body, signature: Sign(NowSeconds, Generic("LS-101", "u-2", "two@example.org"), _secret));

        Assert.All([wrongKey, unsigned, tampered], response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        Assert.Equal("Bad signature.", (await wrongKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(0, (await ClaimsAsync()).GetProperty("total").GetInt32());
        // The settings show at most the secret's last four characters.
        var settings = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/course-platform");
        Assert.Equal(_secret[^4..], settings.GetProperty("secretEnding").GetString());
        Assert.DoesNotContain(_secret, settings.ToString());
    }

    [Fact]
    public async Task AReplayedOrStaleCallIsRefused()
    {
        var body = Generic("LS-101", "u-3", "three@example.org");
        var timestamp = NowSeconds;

        using var first = await SendAsync(body, timestamp: timestamp);
        using var replay = await SendAsync(body, timestamp: timestamp);
        using var stale = await SendAsync(Generic("LS-101", "u-4", "four@example.org"), timestamp: NowSeconds - 600);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("Stale or missing timestamp.", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(1, (await ClaimsAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ACompletionOfACourseWithNoTemplateIsRefusedNamingTheCourse()
    {
        using var response = await SendAsync(Generic("CHEM-9", "u-5", "five@example.org"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("No template is mapped to the course 'CHEM-9'", problem.GetProperty("errors").GetProperty("course.id")[0].GetString());
        Assert.Equal(0, (await ClaimsAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ALearnerWhoConnectedAtSignUpGetsAGenericCompletionWrittenOnceWithoutASecondConsent()
    {
        var orcid = await EnrolAndConnectAsync("u-6", "six@example.org");

        using var completed = await SendAsync(Generic("LS-101", "u-6", null));
        // Sent again later by the platform (a new signed call, not a replay).
        using var sentAgain = await SendAsync(Generic("LS-101", "u-6", null), timestamp: NowSeconds + 1);

        var outcome = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(completed.StatusCode == HttpStatusCode.OK, outcome.ToString());
        Assert.Equal("written", outcome.GetProperty("applied").GetString());
        Assert.Equal(outcome.GetProperty("issuanceId").GetString(), (await sentAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issuanceId").GetString());
        var issuance = await _issuing.WaitForIssuanceAsync(outcome.GetProperty("issuanceId").GetString()!, "in-orcid");
        Assert.Equal(orcid, issuance.GetProperty("orcid").GetString());
        Assert.Equal("2026-11-30", issuance.GetProperty("startDate").GetString());
        Assert.Single(await RecordAsync(orcid));
        // One consent, the one given at sign-up: ORCID issued this learner a single token.
        var tokens = await _issuing.Simulator.GetFromJsonAsync<JsonElement>($"/_sim/tokens?clientId={_issuing.ClientId}");
        Assert.Single(tokens.EnumerateArray(), token => token.GetProperty("orcid").GetString() == orcid);
        // The completion is listed as a claim, claimed at once by the learner's iD.
        var claim = Assert.Single((await ClaimsAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(orcid, claim.GetProperty("claimedBy").GetString());
        Assert.Equal("in-orcid", claim.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AMoodleCourseCompletedEventIsWrittenOnceForTheLearnerItNames()
    {
        var orcid = await EnrolAndConnectAsync("42", "moodle@example.org");
        var moodle = """
            {"eventname":"\\core\\event\\course_completed","component":"core","action":"completed","target":"course",
             "objecttable":"course_completions","objectid":7,"crud":"u","edulevel":2,"contextid":31,"contextlevel":50,
             "contextinstanceid":"LS-101","userid":2,"courseid":"LS-101","relateduserid":42,"anonymous":0,"other":{"relateduserid":42},
             "timecreated":1764511500}
            """;

        using var completed = await SendAsync(moodle);
        using var sentAgain = await SendAsync(moodle, timestamp: NowSeconds + 1);
        using var otherEvent = await SendAsync("""{"eventname":"\\core\\event\\course_viewed","courseid":"LS-101","relateduserid":42}""");

        var outcome = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(completed.StatusCode == HttpStatusCode.OK, outcome.ToString());
        Assert.Equal("written", outcome.GetProperty("applied").GetString());
        Assert.Equal(HttpStatusCode.OK, sentAgain.StatusCode);
        Assert.Equal("ignored", (await otherEvent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetString());
        var issuance = await _issuing.WaitForIssuanceAsync(outcome.GetProperty("issuanceId").GetString()!, "in-orcid");
        Assert.Equal("sandbox.c-LS-101.u-42", issuance.GetProperty("id").GetString());
        Assert.Equal("2025-11-30", issuance.GetProperty("startDate").GetString());
        Assert.Single(await RecordAsync(orcid));
    }

    [Fact]
    public async Task ALearnerWhoNeverConnectedGetsAClaimLinkByEmailOnce()
    {
        using var completed = await SendAsync(Generic("LS-101", "u-7", "seven@example.org"));
        using var sentAgain = await SendAsync(Generic("LS-101", "u-7", "seven@example.org"), timestamp: NowSeconds + 1);

        var outcome = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("claim", outcome.GetProperty("applied").GetString());
        Assert.Equal(outcome.GetProperty("claimUrl").GetString(), (await sentAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claimUrl").GetString());
        var body = await TestMailbox.BodyAsync(portal.Services, "Claim your qualification from Issuing University");
        Assert.Contains(outcome.GetProperty("claimUrl").GetString()!, body);
        var claims = await ClaimsAsync();
        Assert.Equal(1, claims.GetProperty("total").GetInt32());
        Assert.Equal("awaiting-claim", claims.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task MemberAdminsSeePerCourseWhoEnrolledConnectedCompletedWasWrittenAndWhoseClaimWaits()
    {
        var connected = await EnrolAndConnectAsync("s-1", "s1@example.org");
        using (var notConnected = await _operator.PostAsJsonAsync($"/api/v1/tenants/{Tenant}/enrolments",
            new { env = "sandbox", learner = new { lmsUserId = "s-2" }, course = new { id = "LS-101", name = "Laser Safety" } }))
        {
            Assert.Equal(HttpStatusCode.Created, notConnected.StatusCode);
        }
        using var first = await SendAsync(Generic("LS-101", "s-1", null));
        using var second = await SendAsync(Generic("LS-101", "s-2", null), timestamp: NowSeconds + 1);
        using var third = await SendAsync(Generic("LS-101", "s-3", "s3@example.org"), timestamp: NowSeconds + 2);
        await _issuing.WaitForIssuanceAsync((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issuanceId").GetString()!, "in-orcid");

        var stats = Assert.Single((await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/course-platform/stats?env=sandbox")).EnumerateArray());

        Assert.Equal("LS-101", stats.GetProperty("courseId").GetString());
        Assert.Equal("Laser Safety", stats.GetProperty("courseName").GetString());
        Assert.Equal((2, 1, 3, 1, 2), (stats.GetProperty("enrolled").GetInt32(), stats.GetProperty("connected").GetInt32(),
            stats.GetProperty("completed").GetInt32(), stats.GetProperty("written").GetInt32(), stats.GetProperty("claimsWaiting").GetInt32()));
        Assert.Single(await RecordAsync(connected));
    }

    /// <summary>The learner signs up (API), follows the connect link and authorizes at ORCID, through the portal's real endpoints.</summary>
    private async Task<string> EnrolAndConnectAsync(string lmsUserId, string email)
    {
        using var enrolled = await _operator.PostAsJsonAsync($"/api/v1/tenants/{Tenant}/enrolments", new
        {
            env = "sandbox", learner = new { email, givenNames = "Lee", familyNames = "Learner", lmsUserId }, course = new { id = "LS-101", name = "Laser Safety" },
        });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var connectUrl = new Uri((await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectUrl").GetString()!);
        var token = connectUrl.AbsolutePath.Split('/')[^1];
        var orcid = (await _issuing.Controls.CreateResearcherAsync("Lee", "Learner", $"{Guid.NewGuid():N}@example.org")).Orcid;
        await _issuing.Controls.DecideNextConsentAsync(orcid, authorize: true);
        var browser = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var page = await browser.GetAsync(connectUrl.PathAndQuery);
        Assert.Contains("Connect your ORCID iD for Laser Safety", await page.Content.ReadAsStringAsync());
        using var toOrcid = await browser.GetAsync($"/t/{Tenant}/connect?env=sandbox&enrol={token}");
        using var back = await _issuing.Simulator.GetAsync(toOrcid.Headers.Location);
        using var landed = await browser.GetAsync(back.Headers.Location!.PathAndQuery);
        Assert.Equal($"{connectUrl.AbsolutePath}?env=sandbox&outcome=connected", landed.Headers.Location?.OriginalString);
        using var connected = await browser.GetAsync(landed.Headers.Location!.OriginalString);
        Assert.Contains("without asking you again", await connected.Content.ReadAsStringAsync());
        return orcid;
    }

    private static string Generic(string courseId, string lmsUserId, string? email) => JsonSerializer.Serialize(new
    {
        course = new { id = courseId, name = "Laser Safety" },
        learner = new { email, givenNames = "Lee", familyNames = "Learner", lmsUserId },
        completedAt = "2026-11-30T10:00:00Z",
    });

    private static long NowSeconds => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Sign(long timestamp, string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private async Task<HttpResponseMessage> SendAsync(string body, long? timestamp = null, string? secret = null, string? signature = null)
    {
        var at = timestamp ?? NowSeconds;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{Tenant}/completions?env=sandbox")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Consortium-Timestamp", at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Consortium-Signature", signature ?? Sign(at, body, secret ?? _secret));
        return await _platform.SendAsync(request);
    }

    private Task<JsonElement> ClaimsAsync() => _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/claims?env=sandbox");

    private async Task<JsonElement[]> RecordAsync(string orcid) =>
        [.. (await _issuing.Simulator.GetFromJsonAsync<JsonElement>($"/_sim/records/{orcid}")).GetProperty("qualifications").EnumerateArray()];
}

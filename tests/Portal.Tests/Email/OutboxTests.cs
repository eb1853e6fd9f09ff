using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Email;

/// <summary>The portal queues invitations in its outbox and answers at once; the co-hosted silo sends them to a real SMTP
/// server (aiosmtpd) that is down at first.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    // Not started until a test says so: until then nothing listens on its port, as when the mail server is down.
    private readonly SmtpServerFixture _smtp = new();
    private bool _smtpStarted;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_smtpStarted)
        {
            await _smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task ACsvAnswersWhileTheMailServerIsDownAndEveryInvitationArrivesOnceWhenItIsBack()
    {
        await using var portal = Portal(maxAttempts: 1000);
        var api = portal.CreateApiClient(portal.OperatorApiKey);
        using var tenant = await IssuingTenant.CreateAsync(portal, api);
        var researchers = Enumerable.Range(0, 300).Select(i => $"r{i}-{Guid.NewGuid():N}@example.org").ToList();
        var admin = $"admin-{Guid.NewGuid():N}@example.org";
        var csv = new StringBuilder("template,external_id,orcid,email,start_date\n");
        foreach (var (address, row) in researchers.Select((address, row) => (address, row)))
        {
            csv.AppendLine($"laser-2,mail-{row},,{address},2025-03-01");
        }

        var clock = Stopwatch.StartNew();
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var applied = await api.PostAsync($"/api/v1/tenants/{tenant.Slug}/batches?env=sandbox&dryRun=false", content);
        var answeredIn = clock.Elapsed;
        var invited = await api.PostAsJsonAsync($"/api/v1/tenants/{tenant.Slug}/invitations", new { email = admin });

        Assert.Equal(HttpStatusCode.Accepted, applied.StatusCode);
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.True(answeredIn < TimeSpan.FromSeconds(15), $"The CSV took {answeredIn} to answer.");
        // Tried while the server is down, kept, each with why it is not sent yet.
        await IssuingTenant.WaitUntilAsync(async () => await UnsentAsync(api, tenant.Slug) is { Count: 301 } unsent
            && unsent.All(email => email.GetProperty("email").GetProperty("attempts").GetInt32() >= 1));
        var staffEmail = Assert.Single(await UnsentAsync(api, tenant.Slug), email => email.GetProperty("kind").GetString() == "staff");
        Assert.Contains("Connection refused", staffEmail.GetProperty("email").GetProperty("lastError").GetString());
        await StartSmtpAsync();

        await IssuingTenant.WaitUntilAsync(async () => (await UnsentAsync(api, tenant.Slug)).Count == 0, TimeSpan.FromSeconds(120));
        foreach (var address in researchers)
        {
            Assert.Contains($"/t/{tenant.Slug}?env=sandbox&invite=", Assert.Single(await _smtp.MessagesToAsync(address)).TextBody);
        }
        Assert.Contains("/invitations/", Assert.Single(await _smtp.MessagesToAsync(admin)).TextBody);
    }

    [Fact]
    public async Task AFailedInvitationIsListedWithItsErrorAndAResendDeliversIt()
    {
        await using var portal = Portal(maxAttempts: 2);
        var api = portal.CreateApiClient(portal.OperatorApiKey);
        using var tenant = await IssuingTenant.CreateAsync(portal, api);
        var address = $"failed-{Guid.NewGuid():N}@example.org";
        var issued = await api.PostAsJsonAsync($"/api/v1/tenants/{tenant.Slug}/issuances",
            new { env = "sandbox", templateId = IssuingTenant.TemplateId, email = address, externalId = "failed-1" });
        var issuanceId = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        await IssuingTenant.WaitUntilAsync(async () =>
            (await UnsentAsync(api, tenant.Slug)) is [var only] && only.GetProperty("email").GetProperty("status").GetString() == "failed");
        var failed = Assert.Single(await UnsentAsync(api, tenant.Slug)).GetProperty("email");
        Assert.Equal((issuanceId, address, 2), (failed.GetProperty("reference").GetString(), failed.GetProperty("to").GetString(), failed.GetProperty("attempts").GetInt32()));
        Assert.Contains("Connection refused", failed.GetProperty("lastError").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/tenants/{tenant.Slug}/outbox/no-such-issuance/resend", null)).StatusCode);
        await StartSmtpAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/tenants/{tenant.Slug}/outbox/{issuanceId}/resend", null)).StatusCode);

        var message = Assert.Single(await _smtp.WaitForMessagesToAsync(address));
        Assert.Contains($"/t/{tenant.Slug}?env=sandbox&invite=", message.TextBody);
        await IssuingTenant.WaitUntilAsync(async () => (await UnsentAsync(api, tenant.Slug)).Count == 0);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/tenants/{tenant.Slug}/outbox/{issuanceId}/resend", null)).StatusCode);
    }

    private PortalFactory Portal(int maxAttempts) => new()
    {
        Settings = new()
        {
            ["Email:Delivery"] = "Smtp",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = _smtp.Port.ToString(),
            ["Email:SmtpStartTls"] = "false",
            ["EmailOutbox:FirstRetryDelay"] = "00:00:00.200",
            ["EmailOutbox:MaxRetryDelay"] = "00:00:00.500",
            ["EmailOutbox:MaxAttempts"] = maxAttempts.ToString(),
        },
    };

    private static async Task<IReadOnlyList<JsonElement>> UnsentAsync(HttpClient api, string tenant) =>
        [.. (await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/outbox?limit=1000")).EnumerateArray()];

    private async Task StartSmtpAsync()
    {
        await _smtp.InitializeAsync();
        _smtpStarted = true;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Consortium.Silo.Email;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Email;

public sealed partial class InvitationEmailTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task InvitationGoesThroughSmtpWithASingleUseLinkThatTheApiNeverShows()
    {
        await using var portal = new PortalFactory
        {
            Settings = new()
            {
                ["Email:Delivery"] = "Smtp",
                ["Email:SmtpHost"] = "127.0.0.1",
                ["Email:SmtpPort"] = smtp.Port.ToString(),
                ["Email:SmtpStartTls"] = "false",
            },
        };
        var api = portal.CreateApiClient(portal.OperatorApiKey);
        var tenant = await CreateTenantAsync(api);
        var address = $"admin-{Guid.NewGuid():N}@example.org";

        var response = await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/invitations", new { email = address });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(await smtp.WaitForMessagesToAsync(address));
        Assert.Equal($"You are invited to administer Org {tenant} on Consortium", message.Subject);
        var body = message.TextBody ?? "";
        var link = InvitationLink().Match(body);
        Assert.True(link.Success, body);
        Assert.Equal(view.GetProperty("id").GetString(), link.Groups["id"].Value);
        Assert.DoesNotContain(link.Groups["secret"].Value, view.GetRawText());
    }

    [Fact]
    public async Task MalformedAddressIsNamedAndNothingIsSent()
    {
        await using var portal = new PortalFactory();
        var api = portal.CreateApiClient(portal.OperatorApiKey);
        var tenant = await CreateTenantAsync(api);

        var response = await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/invitations", new { email = "not-an-address" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("email", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Empty(await portal.Services.GetRequiredService<MailboxEmailSender>().ListAsync());
    }

    [Fact]
    public async Task WithoutAMailServerTheMessageWaitsInTheLocalMailbox()
    {
        await using var portal = new PortalFactory();
        var api = portal.CreateApiClient(portal.OperatorApiKey);
        var tenant = await CreateTenantAsync(api);

        await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/invitations", new { email = "someone@example.org" });

        Assert.Contains("/invitations/", await TestMailbox.BodyAsync(portal.Services, $"You are invited to administer Org {tenant} on Consortium"));
    }

    private static async Task<string> CreateTenantAsync(HttpClient api)
    {
        var consortium = $"cons-{Guid.NewGuid():N}"[..20];
        var tenant = $"org-{Guid.NewGuid():N}"[..20];
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Mail Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug = tenant, name = $"Org {tenant}" })).EnsureSuccessStatusCode();
        return tenant;
    }

    [GeneratedRegex("/invitations/(?<id>[0-9a-f]+)\\.(?<secret>[0-9a-f]+)")]
    private static partial Regex InvitationLink();
}

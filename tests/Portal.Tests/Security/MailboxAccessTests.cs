using System.Net;
using System.Net.Http.Json;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Email;
using Consortium.Silo.Email;
using Consortium.Portal.Hosting;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Security;

/// <summary>The local mailbox holds every invitation link: only a signed-in operator reads it, and only where mailbox
/// delivery is on. A start outside Development with it refuses unless it is explicitly allowed.</summary>
public sealed class MailboxAccessTests : IAsyncLifetime
{
    private const string Subject = "You are invited to administer Mailbox University on Consortium";
    private readonly PortalFactory _portal = new();

    public async Task InitializeAsync()
    {
        using var api = _portal.CreateApiClient(_portal.OperatorApiKey);
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "mailbox-consortium", name = "Mailbox Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/mailbox-consortium/tenants", new { slug = "mailbox-org", name = "Mailbox University", adminEmail = "admin@mailbox.example" }))
            .EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => _portal.DisposeAsync().AsTask();

    [Fact]
    public async Task AnonymousIsSentToSignInAndSeesNoInvitation()
    {
        using var anonymous = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/mailbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(Sandbox, "/oauth/authorize").AbsoluteUri, response.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.DoesNotContain("/invitations/", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedInPersonWhoIsNoOperatorFindsNothingThere()
    {
        using var controls = new SimulatorControls(Sandbox);
        var someone = await controls.CreateResearcherAsync("Eve", "Curious", "eve@example.org");
        using var signedIn = await StaffSession.SignInAsync(_portal, someone.Orcid);

        using var response = await signedIn.GetAsync("/mailbox");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is nothing at this address", page);
        Assert.DoesNotContain(Subject, page);
    }

    [Fact]
    public async Task AnOperatorReadsTheMailbox()
    {
        using var signedIn = await StaffSession.SignInAsync(_portal, EmbeddedOrcid.DemoOperator.Orcid);

        using var response = await signedIn.GetAsync("/mailbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Subject, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithSmtpDeliveryThereIsNoMailboxEvenForAnOperator()
    {
        await using var smtp = new PortalFactory { Settings = { ["Email:Delivery"] = "Smtp", ["Email:SmtpHost"] = "127.0.0.1" } };
        using var signedIn = await StaffSession.SignInAsync(smtp, EmbeddedOrcid.DemoOperator.Orcid);

        using var response = await signedIn.GetAsync("/mailbox");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(smtp.Services.GetService<MailboxEmailSender>());
    }

    [Fact]
    public void AStartOutsideDevelopmentWithTheMailboxRefusesUnlessAllowed()
    {
        // The test host's environment, Testing, is outside Development like Production.
        using var refused = new PortalFactory { Settings = { ["Email:AllowMailboxOutsideDevelopment"] = "false" } };

        var failure = Assert.ThrowsAny<Exception>(() => refused.CreateClient());

        var message = Unwrap(failure).Message;
        Assert.Contains("Email:Delivery=Mailbox keeps every invitation link on this server", message);
        Assert.Contains("Email:AllowMailboxOutsideDevelopment=true", message);
    }

    [Theory]
    [InlineData("Production", null, false, null, "No email delivery is configured")]
    [InlineData("Production", "Mailbox", false, null, "Email:AllowMailboxOutsideDevelopment=true")]
    [InlineData("Production", "Smtp", false, null, "Email:SmtpHost is not set")]
    [InlineData("Development", "Smtp", false, null, "Email:SmtpHost is not set")]
    public void NoUsableDeliveryRefusesAndSaysWhatToSet(string environment, string? delivery, bool allowMailbox, string? smtpHost, string message)
    {
        var options = new EmailOptions { Delivery = delivery is null ? null : Enum.Parse<EmailDelivery>(delivery), AllowMailboxOutsideDevelopment = allowMailbox, SmtpHost = smtpHost };

        var refused = Assert.Throws<InvalidOperationException>(() => options.ChosenDelivery(new HostingEnvironment { EnvironmentName = environment }));

        Assert.Contains(message, refused.Message);
    }

    [Theory]
    [InlineData("Development", null, false, null, EmailDelivery.Mailbox)]
    [InlineData("Production", "Mailbox", true, null, EmailDelivery.Mailbox)]
    [InlineData("Production", "Smtp", false, "smtp.example.org", EmailDelivery.Smtp)]
    public void TheMailboxIsTheDefaultInDevelopmentOnly(string environment, string? delivery, bool allowMailbox, string? smtpHost, EmailDelivery chosen)
    {
        var options = new EmailOptions { Delivery = delivery is null ? null : Enum.Parse<EmailDelivery>(delivery), AllowMailboxOutsideDevelopment = allowMailbox, SmtpHost = smtpHost };

        Assert.Equal(chosen, options.ChosenDelivery(new HostingEnvironment { EnvironmentName = environment }));
    }

    private Uri Sandbox => _portal.Services.GetRequiredService<EmbeddedOrcid>().Addresses.First();

    private static Exception Unwrap(Exception exception) => exception.InnerException is { } inner && exception is not InvalidOperationException ? Unwrap(inner) : exception;
}

using System.Net.Http.Json;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Launch;
using Consortium.Grains.Staff;
using Consortium.Grains.Tenants;
using Consortium.Portal.Services;
using Consortium.Portal.Tests.Browser;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Email;

/// <summary>A launch review's moves reach the other side by email: the leads when a member submits, the member's admins when
/// the consortium approves, at the addresses they were invited at.</summary>
public sealed class LaunchReviewEmailTests : IAsyncLifetime
{
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task AnApprovalIsEmailedToTheMembersAdminsAndASubmissionToTheConsortiumsLeads()
    {
        var tenant = await _portal.CreateTenantAsync();
        var profile = (await Grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync())!;
        var admin = $"admin-{Guid.NewGuid():N}@example.org";
        var lead = $"lead-{Guid.NewGuid():N}@example.org";
        await JoinAsync(new StaffRole(StaffRoleKind.MemberAdmin, tenant), admin);
        await JoinAsync(new StaffRole(StaffRoleKind.ConsortiumLead, profile.ConsortiumSlug), lead);
        using var api = _portal.CreateApiClient();

        (await api.PostAsync($"/api/v1/tenants/{tenant}/launch-review/approve", null)).EnsureSuccessStatusCode();
        var approved = await TestMailbox.BodyAsync(_portal.Services, $"The launch of {profile.Name} is approved");
        // Submitting needs a whole sandbox demo; the message it sends is the service's, given the review as submitted.
        var review = await _portal.Services.GetRequiredService<LaunchReviewService>().GetAsync(profile);
        await _portal.Services.GetRequiredService<LaunchReviewEmails>().SubmittedAsync(profile,
            review with { Status = LaunchReviewStatus.Submitted, SubmittedBy = "Ada Admin", SubmittedAt = DateTimeOffset.UtcNow });
        var submitted = await TestMailbox.BodyAsync(_portal.Services, $"{profile.Name} submitted its launch review");

        Assert.Contains("production is open", approved);
        Assert.Contains($"/tenants/{tenant}", approved);
        Assert.Contains("Ada Admin", submitted);
        Assert.Contains($"/consortia/{profile.ConsortiumSlug}", submitted);
        var messages = await _portal.Services.GetRequiredService<Consortium.Silo.Email.MailboxEmailSender>().ListAsync();
        Assert.Equal([admin], messages.Where(m => m.Subject.Contains("is approved")).Select(m => m.To));
        Assert.Equal([lead], messages.Where(m => m.Subject.Contains("submitted its launch review")).Select(m => m.To));
    }

    private IGrainFactory Grains => _portal.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Someone joins the team by accepting an invitation sent to <paramref name="address"/>.</summary>
    private async Task JoinAsync(StaffRole role, string address)
    {
        var invitation = Grains.GetGrain<IInvitationGrain>(InvitationToken.KeyFor(InvitationGrain.NewId()));
        var created = await invitation.CreateAsync(new NewInvitation(address, role, "test"), TimeSpan.FromDays(7));
        Assert.True(InvitationToken.TryParse(created.Token, out var token));
        await invitation.AcceptAsync(token.Secret, new InvitationAcceptor($"test-{Guid.NewGuid():N}", Name: "Team Member"));
    }
}

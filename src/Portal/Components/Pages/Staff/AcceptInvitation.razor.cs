using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Staff;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Invitations;
using Consortium.Portal.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Components.Pages.Staff;

public sealed partial class AcceptInvitation
{
    [Parameter] public string Token { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private IGrainFactory Grains { get; set; } = null!;
    [Inject] private AuditLog Audit { get; set; } = null!;
    [Inject] private IOptions<InvitationOptions> Options { get; set; } = null!;

    private StaffRole? _accepted;
    private StaffRole? _waiting;
    private string? _next;
    private string? _refusal;

    protected override async Task OnParametersSetAsync()
    {
        // Accepting changes things: do it once, in the interactive render, not also while prerendering.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        var user = (await Authentication).User;
        var staffId = user.StaffId();
        if (staffId is null || !InvitationToken.TryParse(Token, out var token))
        {
            _refusal = "This invitation link is not valid. Ask for a new invitation.";
            return;
        }
        try
        {
            var invitation = Grains.GetGrain<IInvitationGrain>(InvitationToken.KeyFor(token.Id));
            var before = await invitation.GetAsync();
            var acceptance = await invitation.AcceptAsync(token.Secret,
                new InvitationAcceptor(staffId, user.VerifiedEmail(), Options.Value.RequireMatchingEmail ?? true, user.Identity?.Name));
            if (before?.AcceptedBy != staffId)
            {
                await RecordAsync(AuditActor.ForStaff(user), acceptance);
            }
            if (acceptance.AwaitingConfirmation)
            {
                _waiting = acceptance.Role;
                return;
            }
            _accepted = acceptance.Role;
            _next = _accepted.Kind == StaffRoleKind.ConsortiumLead ? $"/consortia/{_accepted.Scope}" : $"/tenants/{_accepted.Scope}";
        }
        catch (InvitationRefusedException refused)
        {
            _refusal = refused.Message;
        }
    }

    private async Task RecordAsync(AuditActor actor, InvitationAcceptance acceptance)
    {
        var role = acceptance.Role;
        var (consortium, tenant) = role.Kind == StaffRoleKind.ConsortiumLead
            ? (role.Scope, null)
            : ((await Grains.GetGrain<ITenantGrain>(TenantKey.For(role.Scope)).GetProfileAsync())?.ConsortiumSlug, role.Scope);
        await Audit.RecordAsync(actor, acceptance.AwaitingConfirmation ? "invitation.awaiting-confirmation" : "invitation.accepted", role.ToString(), consortium, tenant);
    }
}

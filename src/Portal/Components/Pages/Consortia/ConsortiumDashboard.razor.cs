using System.ComponentModel.DataAnnotations;
using Consortium.Grains.Consortia;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Staff;
using Consortium.Grains.Teams;
using Consortium.Grains.Tenants;
using Consortium.Portal.Invitations;
using Consortium.Portal.Audit;
using Consortium.Portal.Components.Forms;
using Consortium.Portal.Services;
using Consortium.Portal.Staff;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Consortium.Portal.Components.Pages.Consortia;

public sealed partial class ConsortiumDashboard
{
    [Parameter] public string Slug { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private LaunchReviewService Launch { get; set; } = null!;
    [Inject] private ConsortiumService Consortia { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private InvitationService Invitations { get; set; } = null!;
    [Inject] private AuditLog Audit { get; set; } = null!;

    private NewTenantForm _form = new();
    private readonly FieldErrors _errors = new();
    private readonly InviteForm _invite = new();
    private readonly FieldErrors _inviteErrors = new();
    private ConsortiumProfile? _consortium;
    private IReadOnlyList<TenantStatus>? _tenants;
    private IReadOnlyList<TeamMember> _leads = [];
    private AuditActor _actor = null!;
    private bool _loaded;
    private bool _saving;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await Authentication).User;
        _actor = AuditActor.ForStaff(user);
        // Another consortium's page looks exactly like one that does not exist.
        _consortium = user.MayManageConsortium(Slug) ? await Consortia.GetAsync(Slug) : null;
        _tenants = _consortium is null ? null : await Consortia.ListTenantStatusAsync(Slug);
        await LoadLeadsAsync();
        _loaded = true;
    }

    private async Task LoadLeadsAsync() => _leads = _consortium is null ? [] : await Consortia.ListLeadsAsync(Slug);

    private IReadOnlyList<StaffRole> WaitingTeams =>
        [new(StaffRoleKind.ConsortiumLead, Slug), .. (_tenants ?? []).Select(tenant => new StaffRole(StaffRoleKind.MemberAdmin, tenant.Profile.Slug))];

    private async Task CreateTenantAsync()
    {
        _saving = true;
        TenantProfile? created = null;
        if (await _errors.SubmitAsync(async () => created = await Consortia.CreateTenantAsync(Slug, new NewTenant(_form.Slug, _form.Name, _form.RorId), _form.AdminEmail, _actor)))
        {
            Snackbar.Add(string.IsNullOrWhiteSpace(_form.AdminEmail)
                ? $"Added {created!.Name}."
                : $"Added {created!.Name}; an invitation to administer it was sent to {_form.AdminEmail.Trim()}.", Severity.Success);
            // A new model gives the form a new EditContext: a cleared form must not show "required" for fields not yet touched.
            _form = new();
            _tenants = await Consortia.ListTenantStatusAsync(Slug);
        }
        _saving = false;
    }

    private static string ClientStatus(OrcidClientView? client) =>
        client is null ? "not set" : $"{client.ClientId}, validated {client.ValidatedAt:yyyy-MM-dd}";

    private async Task SetSuspendedAsync(TenantProfile tenant, bool suspended)
    {
        if (suspended)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync("Suspend member organisation",
                $"Suspend {tenant.Name}? Its API keys and researcher pages stop working until you resume it.", yesText: "Suspend", cancelText: "Cancel");
            if (confirmed != true)
            {
                return;
            }
        }
        await Consortia.SetTenantSuspendedAsync(Slug, tenant.Slug, suspended, _actor);
        Snackbar.Add(suspended ? $"Suspended {tenant.Name}." : $"Resumed {tenant.Name}.", Severity.Success);
        _tenants = await Consortia.ListTenantStatusAsync(Slug);
    }

    private async Task ApproveLaunchAsync(TenantStatus status)
    {
        var tenant = status.Profile;
        // Approval opens production, but nothing reaches ORCID without a production client: say so before, not after.
        var warning = status.ProductionClient is null
            ? $" {tenant.Name} has no production ORCID client yet: nothing can be written until its admins set one under ORCID clients."
            : "";
        var confirmed = await Dialogs.ShowMessageBoxAsync("Approve launch",
            $"Approve {tenant.Name}'s launch review? Its researcher page and issuing open in production.{warning}", yesText: "Approve", cancelText: "Cancel");
        if (confirmed == true)
        {
            await Launch.ApproveAsync(tenant, _actor);
            Snackbar.Add($"Approved the launch of {tenant.Name}.", Severity.Success);
            _tenants = await Consortia.ListTenantStatusAsync(Slug);
        }
    }

    private async Task ReturnLaunchAsync(TenantProfile tenant)
    {
        var dialog = await Dialogs.ShowAsync<ReturnReviewDialog>($"Return {tenant.Name}'s launch review");
        if (await dialog.Result is { Canceled: false, Data: string comments })
        {
            await Launch.ReturnAsync(tenant, comments, _actor);
            Snackbar.Add($"Returned the review of {tenant.Name} with your comments.", Severity.Info);
            _tenants = await Consortia.ListTenantStatusAsync(Slug);
        }
    }

    private async Task InviteLeadAsync()
    {
        if (await _inviteErrors.SubmitAsync(() => Invitations.InviteAsync(_invite.Email, new StaffRole(StaffRoleKind.ConsortiumLead, Slug), _consortium!.Name,
                Slug, tenant: null, _actor)))
        {
            Snackbar.Add($"Invitation sent to {_invite.Email.Trim()}.", Severity.Success);
            _invite.Email = "";
        }
    }

    private async Task RemoveLeadAsync(TeamMember lead)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove lead", $"Remove {lead.Name ?? lead.Orcid} as a lead of {_consortium!.Name}? They lose access at once.", yesText: "Remove", cancelText: "Cancel");
        if (confirmed == true)
        {
            await Consortia.RemoveLeadAsync(Slug, lead.Orcid, _actor);
            Snackbar.Add($"Removed {lead.Name ?? lead.Orcid}.", Severity.Success);
            _leads = await Consortia.ListLeadsAsync(Slug);
        }
    }

    private sealed class InviteForm
    {
        public string Email { get; set; } = "";
    }

    private sealed class NewTenantForm
    {
        [Required(ErrorMessage = "Enter a slug.")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Enter the organisation's name.")]
        public string Name { get; set; } = "";

        public string? RorId { get; set; }

        public string? AdminEmail { get; set; }
    }
}

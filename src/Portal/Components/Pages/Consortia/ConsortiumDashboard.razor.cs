using System.ComponentModel.DataAnnotations;
using Consortium.Grains.Consortia;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Components.Forms;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Consortium.Portal.Components.Pages.Consortia;

public sealed partial class ConsortiumDashboard
{
    [Parameter] public string Slug { get; set; } = "";

    [Inject] private ConsortiumService Consortia { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;

    private readonly NewTenantForm _form = new();
    private readonly FieldErrors _errors = new();
    private ConsortiumProfile? _consortium;
    private IReadOnlyList<TenantProfile>? _tenants;
    private bool _loaded;
    private bool _saving;

    protected override async Task OnParametersSetAsync()
    {
        _consortium = await Consortia.GetAsync(Slug);
        _tenants = _consortium is null ? null : await Consortia.ListTenantsAsync(Slug);
        _loaded = true;
    }

    private async Task CreateTenantAsync()
    {
        _saving = true;
        TenantProfile? created = null;
        if (await _errors.SubmitAsync(async () => created = await Consortia.CreateTenantAsync(Slug, new NewTenant(_form.Slug, _form.Name, _form.RorId), AuditActor.PortalVisitor(null))))
        {
            Snackbar.Add($"Added {created!.Name}.", Severity.Success);
            _form.Clear();
            _tenants = await Consortia.ListTenantsAsync(Slug);
        }
        _saving = false;
    }

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
        await Consortia.SetTenantSuspendedAsync(Slug, tenant.Slug, suspended, AuditActor.PortalVisitor(null));
        Snackbar.Add(suspended ? $"Suspended {tenant.Name}." : $"Resumed {tenant.Name}.", Severity.Success);
        _tenants = await Consortia.ListTenantsAsync(Slug);
    }

    private sealed class NewTenantForm
    {
        [Required(ErrorMessage = "Enter a slug.")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Enter the organisation's name.")]
        public string Name { get; set; } = "";

        public string? RorId { get; set; }

        public void Clear() => (Slug, Name, RorId) = ("", "", null);
    }
}

using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Consortium.Portal.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Consortium.Portal.Components.Pages.Tenants;

/// <summary>A member organisation's admin pages: the overview at <c>/tenants/{slug}</c> and one sub-page per section.</summary>
public sealed partial class TenantSettings
{
    [Parameter] public string Slug { get; set; } = "";

    /// <summary>The sub-page, a <see cref="TenantSection"/> key; none for the overview.</summary>
    [Parameter] public string? Section { get; set; }

    /// <summary>Links from before the sub-pages (<c>?tab=launch</c>, as the consortium dashboard once linked) redirect to the sub-page.</summary>
    [SupplyParameterFromQuery(Name = "tab")] public string? Tab { get; set; }

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private TenantAdminService Admin { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private TenantProfile? _tenant;
    private TenantSection? _section;
    private AuditActor _actor = null!;
    private bool _loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (Section is null && TenantSection.Find(Tab) is { } old)
        {
            Navigation.NavigateTo(TenantSection.PathOf(Slug, old.Key), replace: true);
            return;
        }
        _section = TenantSection.Find(Section);
        var user = (await Authentication).User;
        var tenant = await Admin.GetProfileAsync(Slug);
        // Another tenant's page looks exactly like one that does not exist.
        _tenant = tenant is not null && user.MayManageTenant(tenant) ? tenant : null;
        _actor = AuditActor.ForStaff(user);
        _loaded = true;
    }
}

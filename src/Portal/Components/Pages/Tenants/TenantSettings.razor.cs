using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Services;
using Consortium.Portal.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Consortium.Portal.Components.Pages.Tenants;

public sealed partial class TenantSettings
{
    [Parameter] public string Slug { get; set; } = "";

    /// <summary><c>?tab=launch</c> opens the launch review, as the consortium dashboard links to it.</summary>
    [SupplyParameterFromQuery(Name = "tab")] public string? Tab { get; set; }

    private const int LaunchReviewTab = 6;
    private int _activeTab;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private TenantAdminService Admin { get; set; } = null!;

    private TenantProfile? _tenant;
    private AuditActor _actor = null!;
    private bool _loaded;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await Authentication).User;
        var tenant = await Admin.GetProfileAsync(Slug);
        // Another tenant's page looks exactly like one that does not exist.
        _tenant = tenant is not null && user.MayManageTenant(tenant) ? tenant : null;
        _actor = AuditActor.ForStaff(user);
        _activeTab = Tab == "launch" ? LaunchReviewTab : _activeTab;
        _loaded = true;
    }
}

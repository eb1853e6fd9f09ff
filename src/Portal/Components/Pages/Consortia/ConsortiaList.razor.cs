using System.ComponentModel.DataAnnotations;
using Consortium.Grains.Consortia;
using Consortium.Portal.Audit;
using Consortium.Portal.Components.Forms;
using System.Security.Claims;
using Consortium.Portal.Api;
using Consortium.Portal.Services;
using Consortium.Portal.Staff;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Consortium.Portal.Components.Pages.Consortia;

public sealed partial class ConsortiaList
{
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject] private ConsortiumService Consortia { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private NewConsortiumForm _form = new();
    private readonly FieldErrors _errors = new();
    private IReadOnlyList<ConsortiumProfile>? _consortia;
    private ClaimsPrincipal _user = new();
    private bool _saving;

    private bool IsOperator => _user.IsOperator();

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication).User;
        await LoadAsync();
    }

    /// <summary>Operators see every consortium; a lead sees the ones they lead.</summary>
    private async Task LoadAsync() =>
        _consortia = [.. (await Consortia.ListAsync()).Where(consortium => _user.MayManageConsortium(consortium.Slug))];

    private async Task CreateAsync()
    {
        _saving = true;
        ConsortiumProfile? created = null;
        if (await _errors.SubmitAsync(async () => created = await Consortia.CreateAsync(new NewConsortium(_form.Slug, _form.Name), AuditActor.ForStaff(_user))))
        {
            Snackbar.Add($"Added {created!.Name}.", Severity.Success);
            // A new model gives the form a new EditContext: a cleared form must not show "required" for fields not yet touched.
            _form = new();
            await LoadAsync();
        }
        _saving = false;
    }

    private sealed class NewConsortiumForm
    {
        [Required(ErrorMessage = "Enter a slug.")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Enter the consortium's name.")]
        public string Name { get; set; } = "";
    }
}

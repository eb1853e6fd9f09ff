using System.ComponentModel.DataAnnotations;
using Consortium.Grains.Tenants;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Consortium.Portal.Components.Pages;

public sealed partial class Tenants
{
    [Inject] private TenantService TenantService { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private readonly NewTenantForm _form = new();
    private readonly Dictionary<string, string> _errors = [];
    private IReadOnlyList<TenantProfile>? _tenants;
    private bool _saving;

    protected override async Task OnInitializedAsync() => _tenants = await TenantService.ListAsync();

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    private async Task CreateAsync()
    {
        _errors.Clear();
        _saving = true;
        try
        {
            var created = await TenantService.CreateAsync(new NewTenant(_form.Slug, _form.Name, _form.RorId));
            Snackbar.Add($"Added {created.Name}.", Severity.Success);
            _form.Clear();
            _tenants = await TenantService.ListAsync();
        }
        catch (TenantValidationException invalid)
        {
            _errors[invalid.Field] = invalid.Message;
        }
        catch (TenantAlreadyExistsException taken)
        {
            _errors[nameof(NewTenantForm.Slug)] = taken.Message;
        }
        finally
        {
            _saving = false;
        }
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

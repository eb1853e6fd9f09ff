using System.ComponentModel.DataAnnotations;
using Consortium.Grains.Consortia;
using Consortium.Portal.Audit;
using Consortium.Portal.Components.Forms;
using Consortium.Portal.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Consortium.Portal.Components.Pages.Consortia;

public sealed partial class ConsortiaList
{
    [Inject] private ConsortiumService Consortia { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private readonly NewConsortiumForm _form = new();
    private readonly FieldErrors _errors = new();
    private IReadOnlyList<ConsortiumProfile>? _consortia;
    private bool _saving;

    protected override async Task OnInitializedAsync() => _consortia = await Consortia.ListAsync();

    private async Task CreateAsync()
    {
        _saving = true;
        ConsortiumProfile? created = null;
        if (await _errors.SubmitAsync(async () => created = await Consortia.CreateAsync(new NewConsortium(_form.Slug, _form.Name), AuditActor.PortalVisitor(null))))
        {
            Snackbar.Add($"Added {created!.Name}.", Severity.Success);
            _form.Clear();
            _consortia = await Consortia.ListAsync();
        }
        _saving = false;
    }

    private sealed class NewConsortiumForm
    {
        [Required(ErrorMessage = "Enter a slug.")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Enter the consortium's name.")]
        public string Name { get; set; } = "";

        public void Clear() => (Slug, Name) = ("", "");
    }
}

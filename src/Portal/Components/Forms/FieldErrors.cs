using Consortium.Grains.Common;

namespace Consortium.Portal.Components.Forms;

/// <summary>
/// The errors a grain reported about a form's fields, shown at each field. Validation happens once, in the
/// grain; the form only shows what it said.
/// </summary>
public sealed class FieldErrors
{
    // Grains name fields after their C# property or their JSON name; either finds the form field.
    private readonly Dictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? For(string field) => _errors.GetValueOrDefault(field);

    /// <summary>Runs a submit; a field error from the grain is kept for its field and the submit reports failure.</summary>
    /// <returns>True when the submit succeeded.</returns>
    public async Task<bool> SubmitAsync(Func<Task> submit)
    {
        _errors.Clear();
        try
        {
            await submit();
            return true;
        }
        catch (InvalidFieldException invalid)
        {
            _errors[invalid.Field] = invalid.Message;
        }
        catch (AlreadyExistsException taken)
        {
            _errors[taken.Field] = taken.Message;
        }
        return false;
    }
}

namespace Consortium.StripeSimulator.Api;

/// <summary>
/// A form-encoded Stripe request body: nested values as bracketed keys (<c>line_items[0][price_data][currency]=nzd</c>),
/// as Stripe's clients encode them (stripe-dotnet src/Stripe.net/Infrastructure/FormEncoding/FormEncoder.cs).
/// </summary>
public sealed class StripeForm(IReadOnlyDictionary<string, string> values)
{
    private IReadOnlyDictionary<string, string> Values { get; } = values;

    public static async Task<StripeForm> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return new StripeForm(request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal));
        }
        var form = await request.ReadFormAsync();
        return new StripeForm(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
    }

    public string? this[string key] => Values.GetValueOrDefault(key);

    public long? Long(string key) => long.TryParse(this[key], out var value) ? value : null;

    /// <summary>The values under <c>name[…]</c>, with <c>name</c> taken off their keys.</summary>
    public StripeForm Child(string name)
    {
        var prefix = name + "[";
        return new StripeForm(Values
            .Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(v => (Key: v.Key[prefix.Length..], v.Value))
            .Where(v => v.Key.Contains(']'))
            .ToDictionary(v => v.Key.Remove(v.Key.IndexOf(']'), 1), v => v.Value, StringComparer.Ordinal));
    }

    /// <summary>A list, <c>name[0][…]</c>, <c>name[1][…]</c>, … in index order.</summary>
    public IReadOnlyList<StripeForm> Items(string name)
    {
        var child = Child(name);
        var items = new List<StripeForm>();
        for (var index = 0; child.Values.Keys.Any(k => k == $"{index}" || k.StartsWith($"{index}[", StringComparison.Ordinal)); index++)
        {
            items.Add(child.Child($"{index}"));
        }
        return items;
    }

    /// <summary>A map such as <c>metadata[tenant]=uoa</c>.</summary>
    public Dictionary<string, string> Map(string name) =>
        Child(name).Values.Where(v => !v.Key.Contains('[')).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
}

using System.Text.Json;
using System.Xml.Linq;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>Every <see cref="IConformanceRows"/> in this assembly, and how one row is checked.</summary>
public static class ConformanceTable
{
    static readonly Lazy<IReadOnlyDictionary<string, ConformanceRow>> All = new(() =>
        typeof(ConformanceTable).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IConformanceRows).IsAssignableFrom(type))
            .SelectMany(type => ((IConformanceRows)Activator.CreateInstance(type)!).Rows)
            .ToDictionary(row => row.Name));

    public static TheoryData<string> Names(bool simulator)
    {
        var names = new TheoryData<string>();
        foreach (var row in All.Value.Values.Where(row => simulator || !row.NeedsSimulator).OrderBy(row => row.Name))
        {
            names.Add(row.Name);
        }
        return names;
    }

    public static async Task CheckAsync(string name, ConformanceContext context)
    {
        var row = All.Value[name];
        try
        {
            using var response = await row.Send(context);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == row.Status,
                $"{row.Name} ({row.OrcidSource}): expected {(int)row.Status}, got {(int)response.StatusCode}: {body}");
            if (row.ErrorCode is { } expected)
            {
                Assert.True(ErrorCodeOf(body) == expected,
                    $"{row.Name} ({row.OrcidSource}): expected error code {expected}, got {ErrorCodeOf(body)?.ToString() ?? "none"}: {body}");
            }
        }
        finally
        {
            await context.CleanUpAsync();
        }
    }

    /// <summary>ORCID's <c>error-code</c>, from a JSON or an XML error body.</summary>
    public static int? ErrorCodeOf(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(trimmed);
            return json.RootElement.TryGetProperty("error-code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : null;
        }
        if (trimmed.StartsWith('<'))
        {
            var element = XDocument.Parse(trimmed).Descendants().FirstOrDefault(e => e.Name.LocalName == "error-code");
            return int.TryParse(element?.Value, out var code) ? code : null;
        }
        return null;
    }
}

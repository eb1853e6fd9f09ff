using System.Text.Json;
using Consortium.Grains.Common;

namespace Consortium.Portal.Issuing;

/// <summary>Enum values as the API and CSV files write them: <c>InOrcid</c> is <c>in-orcid</c>.</summary>
public static class KebabNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <returns>The value named, or null when <paramref name="name"/> is blank.</returns>
    /// <exception cref="InvalidFieldException">Not one of the names; the message lists them, calling them <paramref name="what"/>.</exception>
    public static T? Parse<T>(string field, string? name, string what) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var values = Enum.GetValues<T>();
        var wanted = name.Trim().ToLowerInvariant();
        return values.Where(value => Of(value) == wanted).Select(value => (T?)value).SingleOrDefault()
            ?? throw new InvalidFieldException(field, $"'{name}' is not {what}; use one of {string.Join(", ", values.Select(Of))}.");
    }
}

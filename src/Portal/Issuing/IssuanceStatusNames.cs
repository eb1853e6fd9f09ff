using System.Text.Json;
using Consortium.Grains.Common;
using Consortium.Grains.Issuing;

namespace Consortium.Portal.Issuing;

/// <summary>Statuses as the API and CSV files write them (DESIGN.md): <c>in-orcid</c>, <c>awaiting-consent</c>.</summary>
public static class IssuanceStatusNames
{
    /// <summary>A row of the CSV that was not issued because of its problems.</summary>
    public const string Rejected = "rejected";

    public static string Of(IssuanceStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    /// <exception cref="InvalidFieldException">Not a status name.</exception>
    public static IssuanceStatus? Parse(string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var statuses = Enum.GetValues<IssuanceStatus>();
        var wanted = name.Trim().ToLowerInvariant();
        return statuses.Where(status => Of(status) == wanted).Select(status => (IssuanceStatus?)status).SingleOrDefault()
            ?? throw new InvalidFieldException(field, $"'{name}' is not a status; use one of {string.Join(", ", statuses.Select(Of))}.");
    }
}

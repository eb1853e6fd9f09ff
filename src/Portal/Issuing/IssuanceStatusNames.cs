using System.Text.Json;
using Consortium.Grains.Issuing;

namespace Consortium.Portal.Issuing;

/// <summary>Statuses as the API and CSV files write them (DESIGN.md): <c>in-orcid</c>, <c>awaiting-consent</c>.</summary>
public static class IssuanceStatusNames
{
    /// <summary>A row of the CSV that was not issued because of its problems.</summary>
    public const string Rejected = "rejected";

    public static string Of(IssuanceStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}

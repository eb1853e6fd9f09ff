using Consortium.Grains.Common;
using Consortium.Grains.Issuing;

namespace Consortium.Portal.Issuing;

/// <summary>Statuses as the API and CSV files write them (DESIGN.md): <c>in-orcid</c>, <c>awaiting-consent</c>.</summary>
public static class IssuanceStatusNames
{
    /// <summary>A row of the CSV that was not issued because of its problems.</summary>
    public const string Rejected = "rejected";

    /// <summary>A row of an applied CSV whose issuance the batch has not created yet (it does so in the background).</summary>
    public const string Accepted = "accepted";

    public static string Of(IssuanceStatus status) => KebabNames.Of(status);

    /// <exception cref="InvalidFieldException">Not a status name.</exception>
    public static IssuanceStatus? Parse(string field, string? name) => KebabNames.Parse<IssuanceStatus>(field, name, "a status");
}

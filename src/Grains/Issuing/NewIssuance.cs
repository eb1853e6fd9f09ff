using System.Text.RegularExpressions;
using Consortium.Grains.Common;
using Consortium.Orcid;
using Consortium.Orcid.Model;

namespace Consortium.Grains.Issuing;

/// <summary>One qualification to issue: to a connected researcher by iD, or to someone not yet connected by email.</summary>
[GenerateSerializer, Immutable, Alias("NewIssuance")]
public sealed partial record NewIssuance(
    [property: Id(0)] string TemplateId,
    [property: Id(1)] string ExternalId,
    [property: Id(2)] string? Orcid = null,
    [property: Id(3)] string? Email = null,
    [property: Id(4)] DateOnly? StartDate = null,
    [property: Id(5)] string? GivenNames = null,
    [property: Id(6)] string? FamilyNames = null)
{
    public const int MaxNameLength = 100;

    /// <returns>This issuance trimmed, with the iD canonical.</returns>
    /// <exception cref="InvalidFieldException">The first malformed field.</exception>
    public NewIssuance Validated()
    {
        var externalId = CheckedExternalId(ExternalId);
        string? orcid = null;
        if (!string.IsNullOrWhiteSpace(Orcid))
        {
            orcid = OrcidId.TryParse(Orcid, out var id, out var error) ? id.Value : throw new InvalidFieldException("orcid", error);
        }
        var email = string.IsNullOrWhiteSpace(Email) ? null : Fields.Email("email", Email);
        if (orcid is null && email is null)
        {
            throw new InvalidFieldException("orcid", "Give the researcher's ORCID iD (when they are connected) or their email address (to invite them).");
        }
        if (orcid is not null && email is not null)
        {
            // Which one was meant is not ours to guess: dropping either would lose what was typed.
            throw new InvalidFieldException("email",
                "Give the ORCID iD of a connected researcher or the email of one to invite, not both: clear one of them.");
        }
        if (StartDate is { } start && !PartialDate.Accepts(start))
        {
            throw new InvalidFieldException("startDate", $"The start date {start:yyyy-MM-dd} is out of range: {PartialDate.AcceptedYears}.");
        }
        return new NewIssuance((TemplateId ?? "").Trim(), externalId, orcid, email, StartDate, Name("givenNames", GivenNames), Name("familyNames", FamilyNames));
    }

    /// <returns>The external id trimmed.</returns>
    /// <exception cref="InvalidFieldException">It is not one.</exception>
    public static string CheckedExternalId(string? value)
    {
        var externalId = (value ?? "").Trim();
        return ExternalIdPattern().IsMatch(externalId)
            ? externalId
            : throw new InvalidFieldException("externalId",
                "The external id must be 1 to 100 letters, digits, dots, hyphens or underscores, starting with a letter or digit, like 'cert-0001'.");
    }

    private static string? Name(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Fields.Text(field, value, MaxNameLength, "name");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ExternalIdPattern();
}

namespace Consortium.Portal.Issuing;

/// <summary>One valid row of an issuing CSV, its values trimmed and normalised (the ORCID iD in canonical form).</summary>
/// <param name="Line">The 1-based line number in the file (the header is line 1).</param>
public sealed record BatchRow(
    int Line,
    string TemplateId,
    string ExternalId,
    string? Orcid,
    string? Email,
    DateOnly? StartDate,
    string? GivenNames,
    string? FamilyNames);

namespace Consortium.Portal.Issuing;

/// <summary>One row's outcome for the downloadable result CSV (<see cref="BatchCsvWriter"/>).</summary>
/// <param name="Line">The row's line in the uploaded file, so the admin can find it.</param>
/// <param name="PutCode">ORCID's put-code of the qualification written, when one was.</param>
public sealed record BatchRowOutcome(
    int Line,
    string ExternalId,
    string? Orcid,
    string? Email,
    string Status,
    long? PutCode,
    string? Error);

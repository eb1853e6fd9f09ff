namespace Consortium.Portal.Issuing;

/// <summary>A row of an issuing CSV that was not issued, with the values that name it as the admin wrote them, so the result
/// file and the report can say which row it was (each may be missing or malformed: that may be why it was rejected).</summary>
public sealed record RejectedRow(int Line, string? ExternalId, string? Orcid, string? Email);

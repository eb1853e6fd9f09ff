namespace Consortium.Portal.Courses;

/// <summary>What a completion did: <c>written</c> (the learner had connected: the issuance is on its way to ORCID), <c>claim</c>
/// (a claim link was made, and emailed when the learner's address is known) or <c>ignored</c> (an event that is not a completion).</summary>
public sealed record CompletionOutcome(string Applied, string? IssuanceId = null, string? ClaimId = null, Uri? ClaimUrl = null);

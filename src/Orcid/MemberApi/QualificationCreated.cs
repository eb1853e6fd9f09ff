namespace Consortium.Orcid.MemberApi;

/// <summary>The put-code of a created qualification; <see cref="AlreadyExisted"/> when ORCID already held one
/// from this client with the same self external id (a repeat, not a second item).</summary>
public sealed record QualificationCreated(long PutCode, bool AlreadyExisted);

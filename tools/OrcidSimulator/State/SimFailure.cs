using System.Net;

namespace Consortium.OrcidSimulator.State;

/// <summary>A refusal in ORCID's terms: HTTP status, ORCID error code and developer message.</summary>
public sealed record SimFailure(HttpStatusCode Status, int ErrorCode, string DeveloperMessage);

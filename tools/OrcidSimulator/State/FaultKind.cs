namespace Consortium.OrcidSimulator.State;

/// <summary>Failures a test can inject into the member and public APIs.</summary>
public enum FaultKind
{
    /// <summary>Answers late (the request still succeeds unless the client gave up).</summary>
    Latency,
    /// <summary>500/9008 before handling.</summary>
    Error500,
    /// <summary>503 with Retry-After, as when over the rate limit.</summary>
    Burst503,
    /// <summary>Closes the connection without an answer.</summary>
    Drop,
    /// <summary>409/9018 on writes: the record is locked.</summary>
    Locked,
    /// <summary>401 invalid_token: as if the researcher revoked the token.</summary>
    Revoked,
}

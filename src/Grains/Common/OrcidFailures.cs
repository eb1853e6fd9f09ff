using Consortium.Orcid.Errors;

namespace Consortium.Grains.Common;

/// <summary>How grains tell "ORCID did not answer" from an answer: one test, so every grain retries or reports the same failures.</summary>
public static class OrcidFailures
{
    /// <summary>No answer at all: the network failed, a call timed out, or the resilience pipeline gave up.</summary>
    public static bool NoAnswer(Exception exception) =>
        exception is HttpRequestException or Polly.ExecutionRejectedException or OperationCanceledException;

    /// <summary>No answer, or an ORCID error where an answer was needed.</summary>
    public static bool Unreachable(Exception exception) => exception is OrcidApiException || NoAnswer(exception);
}

namespace Consortium.Grains.Issuing;

/// <summary>How the issuing queue paces and retries (configuration section <c>Issuing</c>).</summary>
public sealed class IssuingOptions
{
    public const string SectionName = "Issuing";

    /// <summary>Writes in flight per tenant and environment; ORCID's rate limiter paces them further.</summary>
    public int MaxInFlight { get; set; } = 16;

    /// <summary>Waits between attempts when ORCID is busy or failing; the last one repeats.</summary>
    public TimeSpan[] RetryDelays { get; set; } =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    /// <summary>After this many failed attempts the issuance is marked failed; an admin can retry it.</summary>
    public int MaxAttempts { get; set; } = 30;

    public TimeSpan InvitationValidity { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How soon after a restart pending work resumes: the period of the queue's reminder (Orleans allows one minute and up by default).</summary>
    public TimeSpan WakeUpPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryDelay(int attempt) => RetryDelays[Math.Clamp(attempt - 1, 0, RetryDelays.Length - 1)];
}

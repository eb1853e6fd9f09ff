namespace Consortium.Grains.Email;

/// <summary>How the outbox paces and retries (configuration section <c>EmailOutbox</c>).</summary>
public sealed class EmailOutboxOptions
{
    public const string SectionName = "EmailOutbox";

    /// <summary>The wait after the first failed attempt; each later one doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts the message is marked failed, with its error, until an admin re-sends it.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Messages read from the table per round; other calls to the outbox get in between rounds.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a round may be out before the outbox gives up waiting for its sender (whose silo may have died) and
    /// reads the table again. Longer than a round can take: <see cref="BatchSize"/> / <see cref="Concurrency"/> sends in a row.</summary>
    public TimeSpan RoundTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages handed to the mail server at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How soon after a restart pending mail goes out: the period of the outbox's reminder (Orleans allows one minute and up by default).</summary>
    public TimeSpan WakeUpPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a sent message stays listed (without its body) before it is forgotten.</summary>
    public TimeSpan SentHistory { get; set; } = TimeSpan.FromDays(7);

    /// <param name="attempts">Failed attempts so far, from 1.</param>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
    }
}

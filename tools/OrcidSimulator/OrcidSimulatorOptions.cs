using Consortium.Orcid;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator;

/// <summary>One simulator instance: where it listens, which ORCID environment it plays, whether it starts with demo researchers.</summary>
public sealed record OrcidSimulatorOptions
{
    /// <summary>Kestrel URLs; <c>http://127.0.0.1:0</c> picks a free port (read it back from <c>app.Urls</c> after start).</summary>
    public string Urls { get; init; } = "http://localhost:5081";

    public OrcidEnvironment Environment { get; init; } = OrcidEnvironment.Sandbox;

    public bool SeedDemoResearchers { get; init; } = true;

    /// <summary>A JSON file the simulator keeps its clients, researchers, tokens, records and webhooks in, so that they survive
    /// a restart (the demo researchers are seeded only when it does not exist yet). Unset, everything lives in memory.</summary>
    public string? StateFile { get; init; }

    /// <summary>Clients that exist from the start with known credentials, e.g. a host's own sign-in client.</summary>
    public IReadOnlyList<SimClient> Clients { get; init; } = [];

    /// <summary>
    /// Not ORCID: ORCID's id_token and userinfo never carry an email (its discovery document's <c>claims_supported</c> lists
    /// family_name, given_name, name, auth_time, iss and sub only; an email comes from the record's <c>/email</c> section,
    /// and only when public or shared with the client). On, an instance stands in for another OpenID Connect provider, an
    /// institution's, that puts the researcher's address in <c>email</c> with <c>email_verified</c> when asked for the <c>email</c> scope.
    /// </summary>
    public bool IssuesEmailClaims { get; init; }

    /// <summary>How often webhooks are called for the records that changed: ORCID batches them, about every five minutes in
    /// production (orcid-api-web/tutorial/webhooks.md); tests and the portal's embedded simulator use a short interval.</summary>
    public TimeSpan WebhookBatchInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>After the n-th failure in a row a hook is tried again no sooner than n × this
    /// (orcid-core/src/main/java/org/orcid/core/manager/impl/WebhookManagerImpl.java, <c>webhookRetryDelayMinutes:10</c>).</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Failures in a row after which a hook is no longer called
    /// (orcid-persistence/src/main/java/org/orcid/persistence/dao/impl/WebhookDaoImpl.java, <c>webhook.maxAttemptCount:25</c>).</summary>
    public int WebhookMaxAttempts { get; init; } = 25;

    /// <summary>The public API's limit per caller (client, or IP address when anonymous): 12 requests a second, bursts of 40.</summary>
    public double PublicRequestsPerSecond { get; init; } = 12;

    public int PublicBurst { get; init; } = 40;

    /// <summary>Anonymous public API requests per IP address a day; the one that reaches it is answered 429
    /// (orcid-pub-web/src/main/java/org/orcid/api/filters/ApiRateLimitFilter.java, <c>anonymous.requests:10000</c>).</summary>
    public long PublicAnonymousDailyQuota { get; init; } = 10_000;

    public string EnvironmentName => Environment.ToString().ToLowerInvariant();

    /// <summary>The ORCID host the simulator names in sources, as the real environment would.</summary>
    public string OrcidHost => Environment == OrcidEnvironment.Production ? "orcid.org" : "sandbox.orcid.org";
}

namespace Consortium.OrcidSimulator.State;

/// <summary>
/// Webhooks as ORCID keeps them: one row per record and callback URI, whoever registers it, owned by the client that
/// registered it first (orcid-persistence/src/main/java/org/orcid/persistence/jpa/entities/WebhookEntity.java, keyed by
/// WebhookEntityPk(orcid, uri)), with when its record last changed, when it was last called and how often that failed.
/// </summary>
public sealed class WebhookRegistry(TimeProvider clock)
{
    sealed class Hook(string clientId, DateTimeOffset created, DateTimeOffset? recordModified)
    {
        public string ClientId { get; } = clientId;
        public DateTimeOffset Created { get; } = created;
        public DateTimeOffset? RecordModified { get; set; } = recordModified;
        public DateTimeOffset? LastSent { get; set; }
        public DateTimeOffset? LastFailed { get; set; }
        public int FailedAttempts { get; set; }
    }

    readonly Lock gate = new();
    readonly Dictionary<(string Orcid, string Callback), Hook> hooks = [];
    readonly Dictionary<string, DateTimeOffset> recordModified = [];

    /// <returns>True when the hook is new (ORCID's 201), false when it already existed (204): an existing hook keeps its owner
    /// (orcid-api-web/src/main/java/org/orcid/api/member/common/delegator/impl/WebhooksServiceDelegatorImpl.java, registerWebhook).</returns>
    public bool Register(string orcid, Uri callback, string clientId)
    {
        lock (gate)
        {
            var key = (orcid, callback.AbsoluteUri);
            if (hooks.ContainsKey(key))
            {
                return false;
            }
            // A new hook remembers the record's last change, so it is not called for changes made before it existed.
            hooks[key] = new Hook(clientId, clock.GetUtcNow(), recordModified.TryGetValue(orcid, out var modified) ? modified : null);
            return true;
        }
    }

    public WebhookRemoval Unregister(string orcid, Uri callback, string clientId)
    {
        lock (gate)
        {
            var key = (orcid, callback.AbsoluteUri);
            if (!hooks.TryGetValue(key, out var hook))
            {
                return WebhookRemoval.NotFound;
            }
            if (hook.ClientId != clientId)
            {
                return WebhookRemoval.NotOwner;
            }
            hooks.Remove(key);
            return WebhookRemoval.Removed;
        }
    }

    public void RecordChanged(string orcid)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            recordModified[orcid] = now;
            foreach (var ((hookOrcid, _), hook) in hooks)
            {
                if (hookOrcid == orcid)
                {
                    hook.RecordModified = now;
                }
            }
        }
    }

    /// <summary>The hooks to call in this run, as ORCID's <c>WEBHOOKS_READY_TO_PROCESS_FROM_CLAUSE</c> selects them (WebhookEntity.java):
    /// the record changed since the last call (or since the hook was made), fewer than <paramref name="maxAttempts"/> failures in a row,
    /// and after a failure not before <c>last_failed + failed_attempt_count × retryDelay</c>.</summary>
    public IReadOnlyList<DueWebhook> Due(TimeSpan retryDelay, int maxAttempts)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            return [.. hooks
                .Where(entry => entry.Value is { RecordModified: { } modified } hook
                    && hook.FailedAttempts < maxAttempts
                    && (hook.LastSent is { } sent ? modified >= sent : modified >= hook.Created)
                    && (hook.FailedAttempts == 0 || hook.LastFailed + hook.FailedAttempts * retryDelay < now))
                .OrderBy(entry => entry.Value.RecordModified)
                .Select(entry => new DueWebhook(entry.Key.Orcid, new Uri(entry.Key.Callback), entry.Value.ClientId))];
        }
    }

    /// <summary>WebhookDaoImpl.markAsSent: the call succeeded, failures are forgotten.</summary>
    public void Sent(DueWebhook webhook) => Update(webhook, hook =>
    {
        hook.LastSent = clock.GetUtcNow();
        hook.FailedAttempts = 0;
    });

    /// <summary>WebhookDaoImpl.markAsFailed: tried again after a longer wait each time.</summary>
    public void Failed(DueWebhook webhook) => Update(webhook, hook =>
    {
        hook.LastFailed = clock.GetUtcNow();
        hook.FailedAttempts++;
    });

    public IReadOnlyList<WebhookView> Of(string orcid)
    {
        lock (gate)
        {
            return [.. hooks.Where(entry => entry.Key.Orcid == orcid)
                .Select(entry => new WebhookView(entry.Key.Callback, entry.Value.ClientId, entry.Value.LastSent, entry.Value.FailedAttempts))];
        }
    }

    public IReadOnlyList<SavedWebhook> Export()
    {
        lock (gate)
        {
            return [.. hooks.OrderBy(entry => entry.Key).Select(entry =>
                new SavedWebhook(entry.Key.Orcid, new Uri(entry.Key.Callback), entry.Value.ClientId, entry.Value.Created))];
        }
    }

    /// <summary>Saved hooks come back as not yet called: a change made while the simulator was down is not known to it.</summary>
    public void Import(IEnumerable<SavedWebhook> saved)
    {
        lock (gate)
        {
            foreach (var hook in saved)
            {
                hooks.TryAdd((hook.Orcid, hook.Callback.AbsoluteUri), new Hook(hook.ClientId, hook.Created, recordModified: null));
            }
        }
    }

    void Update(DueWebhook webhook, Action<Hook> change)
    {
        lock (gate)
        {
            if (hooks.TryGetValue((webhook.Orcid, webhook.Callback.AbsoluteUri), out var hook))
            {
                change(hook);
            }
        }
    }
}

public enum WebhookRemoval
{
    Removed,
    NotFound,
    NotOwner,
}

public sealed record DueWebhook(string Orcid, Uri Callback, string ClientId);

/// <summary>A hook as the <c>/_sim</c> controls show it.</summary>
public sealed record WebhookView(string Callback, string ClientId, DateTimeOffset? LastSent, int FailedAttempts);

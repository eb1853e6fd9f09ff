using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>
/// Calls webhooks the way ORCID's scheduler does (orcid-core/src/main/java/org/orcid/core/manager/impl/WebhookManagerImpl.java,
/// processWebhooks, run by orcid-scheduler-web/src/main/resources/orcid-scheduler-context.xml): not when a record changes, but in
/// batches every <see cref="OrcidSimulatorOptions.WebhookBatchInterval"/> ("Hook notifications are sent every five minutes to avoid
/// multiple calls for a single user session", orcid-api-web/tutorial/webhooks.md), one empty POST per hook whose record changed.
/// A 2xx answer marks it sent; anything else, or no answer, is a failure retried in a later batch after
/// <c>failures × WebhookRetryDelay</c>, at most <see cref="OrcidSimulatorOptions.WebhookMaxAttempts"/> times in a row
/// (WebhookEntity.java, WebhookDaoImpl.java). A 429 skips the client's other hooks for the rest of the batch.
/// </summary>
public sealed class WebhookNotifier(
    WebhookRegistry registry,
    OrcidSimulatorOptions options,
    IHttpClientFactory httpClientFactory,
    TimeProvider clock,
    ILogger<WebhookNotifier> logger) : BackgroundService
{
    /// <summary>The record changed: its hooks are called in the next batch.</summary>
    public void RecordChanged(string orcid) => registry.RecordChanged(orcid);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.WebhookBatchInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Disposed without a stop first: the same end as a stop.
        }
    }

    async Task RunBatchAsync(CancellationToken cancellationToken)
    {
        var due = registry.Due(options.WebhookRetryDelay, options.WebhookMaxAttempts);
        var tooManyRequests = new HashSet<string>();
        foreach (var webhook in due)
        {
            if (tooManyRequests.Contains(webhook.ClientId))
            {
                continue;
            }
            var status = await PostAsync(webhook.Callback, cancellationToken);
            if (status is >= 200 and < 300)
            {
                registry.Sent(webhook);
                continue;
            }
            registry.Failed(webhook);
            if (status == StatusCodes.Status429TooManyRequests)
            {
                tooManyRequests.Add(webhook.ClientId);
            }
        }
    }

    /// <returns>The callback's status, or 0 when it did not answer (WebhookManagerImpl.doPost).</returns>
    async Task<int> PostAsync(Uri callback, CancellationToken cancellationToken)
    {
        try
        {
            using var client = httpClientFactory.CreateClient();
            client.Timeout = TimeSpan.FromSeconds(10);
            using var response = await client.PostAsync(callback, content: null, cancellationToken);
            logger.LogInformation("Webhook {Callback} answered {Status}", callback.GetLeftPart(UriPartial.Authority), (int)response.StatusCode);
            return (int)response.StatusCode;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Webhook {Callback} failed: {Failure}", callback.GetLeftPart(UriPartial.Authority), failure.Message);
            return 0;
        }
    }
}

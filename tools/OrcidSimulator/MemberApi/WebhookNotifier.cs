using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>POSTs an empty body to each callback registered for a record that changed, shortly after, like ORCID.</summary>
public sealed class WebhookNotifier(WebhookRegistry registry, IHttpClientFactory httpClientFactory, ILogger<WebhookNotifier> logger)
{
    static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    public void RecordChanged(string orcid)
    {
        foreach (var callback in registry.CallbacksOf(orcid))
        {
            // Best effort, like ORCID: the write has succeeded whatever the callback does.
            _ = NotifyAsync(callback);
        }
    }

    async Task NotifyAsync(Uri callback)
    {
        try
        {
            await Task.Delay(Delay);
            using var response = await httpClientFactory.CreateClient().PostAsync(callback, content: null);
            logger.LogInformation("Webhook {Callback} answered {Status}", callback, (int)response.StatusCode);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning("Webhook {Callback} failed: {Failure}", callback, exception.Message);
        }
    }
}

using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Verification;

public sealed class WebhookCallbackGrain(
    [PersistentState("webhook-callback", GrainStorage.Name)] IPersistentState<WebhookCallbackState> state) : Grain, IWebhookCallbackGrain
{
    public async Task<Uri> PinAsync(Uri proposed)
    {
        if (state.State.Callback is { } pinned && Base(pinned) == Base(proposed.AbsoluteUri))
        {
            return new Uri(pinned);
        }
        state.State = new WebhookCallbackState { Callback = proposed.AbsoluteUri };
        await state.WriteStateAsync();
        return proposed;
    }

    /// <summary>The address without its last segment, the token: a portal moved to another address pins anew.</summary>
    private static string Base(string callback) => callback[..callback.LastIndexOf('/')];
}

[GenerateSerializer, Alias("WebhookCallbackState")]
public sealed record WebhookCallbackState
{
    [Id(0)] public string? Callback { get; init; }
}

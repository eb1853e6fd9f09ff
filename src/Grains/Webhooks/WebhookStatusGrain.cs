using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Webhooks;

/// <summary>Written only when the health changes (or a failure's reason does, or the last success is old), not on every
/// registration, since each verification of a cold record reports one.</summary>
public sealed class WebhookStatusGrain(
    [PersistentState("webhook-status", GrainStorage.Name)] IPersistentState<WebhookStatusState> state,
    TimeProvider clock) : Grain, IWebhookStatusGrain
{
    private static readonly TimeSpan RefreshSuccessAfter = TimeSpan.FromHours(1);

    public async Task RegisteredAsync()
    {
        var now = clock.GetUtcNow();
        var current = state.State;
        if (current.FailingSince is null && current.LastRegisteredAt is { } last && now - last < RefreshSuccessAfter)
        {
            return;
        }
        state.State = new WebhookStatusState { LastRegisteredAt = now };
        await state.WriteStateAsync();
    }

    public async Task FailedAsync(string reason)
    {
        var current = state.State;
        if (current.FailingSince is not null && current.Failure == reason)
        {
            return;
        }
        state.State = current with { FailingSince = current.FailingSince ?? clock.GetUtcNow(), Failure = reason };
        await state.WriteStateAsync();
    }

    public Task<WebhookStatus> GetAsync()
    {
        var current = state.State;
        var health = current switch
        {
            { FailingSince: not null } => WebhookHealth.Failing,
            { LastRegisteredAt: not null } => WebhookHealth.Registered,
            _ => WebhookHealth.NotRegistered,
        };
        return Task.FromResult(new WebhookStatus(OrcidClientKey.EnvironmentOf(this.GetPrimaryKeyString()), health,
            current.LastRegisteredAt, current.FailingSince, current.Failure));
    }
}

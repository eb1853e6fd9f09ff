using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Orcid;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Consortium.Silo.Issuing;

/// <summary>
/// When the cluster declares a silo dead, the issuing queues that were active on it would wait for their reminder (up to
/// <c>Issuing:WakeUpPeriod</c>) before they resume, if nothing else calls them. Every surviving silo therefore wakes, at once, each
/// queue that has pending work: those are exactly the queues holding their pump reminder (the reminder table is the durable list).
/// A queue woken by several survivors activates once; waking an idle or already active one costs one call.
/// </summary>
public sealed class IssuingQueueFailover(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IReminderTable reminders,
    IGrainFactory grains,
    ILogger<IssuingQueueFailover> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        HashSet<SiloAddress>? dead = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var nowDead = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();
                // The first snapshot is the baseline: silos dead before this one started are not news.
                var newlyDead = dead is null ? [] : nowDead.Except(dead).ToList();
                dead = nowDead;
                if (newlyDead.Count > 0 && snapshot.GetSiloStatus(localSilo.SiloAddress) == SiloStatus.Active)
                {
                    await WakeQueuesAsync(newlyDead);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WakeQueuesAsync(IReadOnlyList<SiloAddress> newlyDead)
    {
        try
        {
            // Any key names the grain type.
            var queueType = grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For("_", OrcidEnvironment.Sandbox)).GetGrainId().Type;
            // Begin equal to end reads the whole ring: every reminder of the service.
            var queues = (await reminders.ReadRows(0, 0)).Reminders.Select(r => r.GrainId).Where(id => id.Type == queueType).Distinct().ToList();
            logger.LogInformation("Silo(s) {Silos} declared dead: waking {Count} issuing queue(s) with pending work.", string.Join(", ", newlyDead), queues.Count);
            foreach (var chunk in queues.Chunk(64))
            {
                await Task.WhenAll(chunk.Select(id => WakeAsync(id.Key.ToString()!)));
            }
        }
        catch (Exception exception)
        {
            // Best effort: each queue's reminder still wakes it within Issuing:WakeUpPeriod.
            logger.LogWarning(exception, "Waking the issuing queues after a silo's death failed; their reminders will wake them.");
        }
    }

    private async Task WakeAsync(string queueKey)
    {
        try
        {
            await grains.GetGrain<ITenantIssuingGrain>(queueKey).WakeAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Waking issuing queue {Queue} failed; its reminder will wake it.", queueKey);
        }
    }
}

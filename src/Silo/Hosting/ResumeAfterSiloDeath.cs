using Consortium.Grains.Batches;
using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Orcid;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Consortium.Silo.Hosting;

/// <summary>
/// When the cluster declares a silo dead, the grains that were active on it with pending work (issuing queues, batches
/// creating their rows, email outboxes) would wait for their reminder (a minute and more) before they resume, if nothing else
/// calls them. Every surviving silo therefore wakes, at once, each <see cref="IResumableGrain"/> that holds a reminder: the
/// reminder table is the durable list of grains with pending work. A grain woken by several survivors activates once; waking
/// an idle or already active one costs one call.
/// </summary>
public sealed class ResumeAfterSiloDeath(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IReminderTable reminders,
    IGrainFactory grains,
    ILogger<ResumeAfterSiloDeath> logger) : BackgroundService
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
                    await WakeAllAsync(newlyDead);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WakeAllAsync(IReadOnlyList<SiloAddress> newlyDead)
    {
        try
        {
            // Any key names the grain type.
            var resumable = new HashSet<GrainType>
            {
                grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For("_", OrcidEnvironment.Sandbox)).GetGrainId().Type,
                grains.GetGrain<IBatchGrain>(BatchKey.For("_", "_")).GetGrainId().Type,
                grains.GetEmailOutbox(OutboxKey.ForTenant("_")).GetGrainId().Type,
            };
            // Begin equal to end reads the whole ring: every reminder of the service.
            var pending = (await reminders.ReadRows(0, 0)).Reminders.Select(r => r.GrainId).Where(id => resumable.Contains(id.Type)).Distinct().ToList();
            logger.LogInformation("Silo(s) {Silos} declared dead: waking {Count} grain(s) with pending work.", string.Join(", ", newlyDead), pending.Count);
            foreach (var chunk in pending.Chunk(64))
            {
                await Task.WhenAll(chunk.Select(WakeAsync));
            }
        }
        catch (Exception exception)
        {
            // Best effort: each grain's reminder still wakes it.
            logger.LogWarning(exception, "Waking the grains with pending work after a silo's death failed; their reminders will wake them.");
        }
    }

    private async Task WakeAsync(GrainId grain)
    {
        try
        {
            await grains.GetGrain<IResumableGrain>(grain).WakeAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Waking {Grain} failed; its reminder will wake it.", grain);
        }
    }
}

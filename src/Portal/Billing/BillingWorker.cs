using Consortium.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Billing;

/// <summary>
/// Every <see cref="BillingOptions.WorkInterval"/> (on the <see cref="TimeProvider"/>), for each consortium: tries a quantity
/// update Stripe refused again once its backoff is over (<see cref="BillingService.RetryPendingUpdateAsync"/>) and reports the
/// overage of months that have closed (<see cref="MeterReporter"/>). Each portal of a cluster runs it; what it does is safe
/// to do twice.
/// </summary>
public sealed class BillingWorker(IGrainFactory grains, IOptions<BillingOptions> options, MeterReporter meters, BillingService billing, TimeProvider clock,
    ILogger<BillingWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Configured)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.WorkInterval, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Stripe or the silo unreachable: the next round tries again, nothing is lost.
                logger.LogWarning(exception, "A billing round failed; the next one tries again");
            }
        }
    }

    /// <summary>One round over every consortium; a failure of one does not stop the others.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        foreach (var consortium in await grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key).ListAsync())
        {
            try
            {
                await billing.RetryPendingUpdateAsync(consortium.Slug);
                await meters.ReportClosedMonthsAsync(consortium.Slug, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Billing work for consortium {Consortium} failed; the next round tries again", consortium.Slug);
            }
        }
    }
}

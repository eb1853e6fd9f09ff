using Consortium.Grains.Billing;
using Consortium.Orcid;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.Launch;
using Consortium.Grains.Live;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Consortium.Grains.Issuing;

/// <summary>
/// The tenant's issuing queue in one environment. Submissions are persisted as pending work before they reach their
/// <see cref="IIssuanceGrain"/>s (so a crash in between leaves work that heals them), and acknowledged once the issuances
/// stored them; a pump writes them a bounded number at a time, and ORCID's rate limiter paces the calls. A reminder wakes the
/// grain after a restart while work is pending, so nothing accepted is lost. The queue holds ids only: what each issuance is,
/// its owner grain knows, and the lists read the projection, which the queue also asks which issuances a change concerns.
/// Reentrant so that submits and commands need not wait for the pump; what others tell it is one-way, so no call chain
/// needs reentrancy to finish. Every change happens between awaits on the working <see cref="IssuingQueue"/>, and what is
/// written is a snapshot of it, one write at a time (<see cref="writeLock"/>).
/// </summary>
[Reentrant]
public sealed class TenantIssuingGrain(
    [PersistentState("issuing", GrainStorage.Name)] IPersistentState<IssuingQueueState> state,
    IIssuingProjection projection,
    IOptions<IssuingOptions> options,
    TimeProvider clock,
    ILogger<TenantIssuingGrain> logger) : Grain, ITenantIssuingGrain, IRemindable
{
    private const string PumpReminder = "pump";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(2);
    /// <summary>How long the tenant's profile and templates, read once for the writes that run meanwhile, serve them: a suspension
    /// or a launch decision reaches the next write at most this late (an admin's command or a template change reads them again).</summary>
    private static readonly TimeSpan ContextLifetime = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly HashSet<string> inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> changedInFlight = new(StringComparer.Ordinal);
    private IssuingQueue queue = null!;
    /// <summary>The queue's <see cref="IssuingQueue.Version"/> the stored snapshot holds.</summary>
    private long savedVersion;
    private bool pumping;
    private DateTimeOffset lastFlush;
    private DateTimeOffset lastSweep;
    private bool reminderRegistered;
    private IssuingContext? context;
    private DateTimeOffset contextReadAt;

    private bool Dirty => queue.Version != savedVersion;

    private (string Tenant, OrcidEnvironment Environment) Key => IssuingKey.ParseLedger(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        queue = new IssuingQueue(state.State);
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(Tick, Tick) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (Dirty)
        {
            await SaveAsync();
        }
    }

    public async Task<IReadOnlyList<IssuanceCreated>> SubmitAsync(IReadOnlyList<NewIssuance> requests, string portalUrl)
    {
        var valid = requests.Select(r => r.Validated()).ToList();
        var current = await CheckOpenAsync(valid);
        var ids = valid.Select(request => IssuingKey.IssuanceId(Key.Environment, request.ExternalId)).ToList();
        await StoreAheadAsync(ids);
        var results = new List<IssuanceCreated>(valid.Count);
        foreach (var chunk in valid.Chunk(64))
        {
            results.AddRange(await Task.WhenAll(chunk.Select(request =>
                Issuance(IssuingKey.IssuanceId(Key.Environment, request.ExternalId)).SubmitAsync(request, portalUrl))));
        }
        foreach (var created in results)
        {
            if (created.Changed)
            {
                Enqueue(created.View.Id);
            }
            else
            {
                // Sending the same again resumes an issuance a crash left stored but never queued.
                Resume(created.View);
            }
        }
        Announce([.. results.Select(c => c.View.Id)]);
        await SaveAsync();
        // Queued in the tenant's outbox in one call, sent in the background: no submit waits for email.
        await ConsentInvitationEmail.QueueAsync(GrainFactory, current.Tenant!, current.Templates,
            [.. results.Where(c => c.InvitationToken is not null)], new Uri(portalUrl));
        return results;
    }

    // Activation alone restarts the pump (OnActivateAsync); an active queue retries now what waits after a failed call.
    public Task WakeAsync()
    {
        queue.RetryFailedCallsBy(clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<int> PendingAsync() => Task.FromResult(queue.Pending.Count);

    public Task<IssuanceView> RevokeAsync(string issuanceId) => CommandAsync(issuanceId, issuance => issuance.RevokeAsync());

    public Task<IssuanceView> RetryAsync(string issuanceId) => CommandAsync(issuanceId, issuance => issuance.RetryAsync());

    public async Task<int> ReconcileAsync()
    {
        ForgetContext();
        var written = await IdsAsync(IssuanceQuery.WithStatus(IssuanceStatus.InOrcid));
        foreach (var chunk in written.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(id => Issuance(id).RequestCheckAsync()));
        }
        Enqueue(written);
        await SaveAsync();
        return written.Count;
    }

    public async Task AssignResearcherAsync(string issuanceId, string orcid) =>
        await CommandAsync(issuanceId, issuance => issuance.AssignResearcherAsync(orcid));

    public async Task DeclineAsync(string issuanceId) =>
        await CommandAsync(issuanceId, issuance => issuance.DeclineAsync());

    public async Task ResearcherChangedAsync(ResearcherView researcher)
    {
        Feed.EverythingChangedAsync().Ignore();
        Reached(researcher.Status == ConsentStatus.Connected ? LaunchStep.Authorized
            : researcher.Status == ConsentStatus.Disconnected ? LaunchStep.Disconnected
            : null, researcher.Orcid);
        Enqueue(await IdsAsync(new IssuanceQuery { Orcid = researcher.Orcid }));
        await SaveAsync();
    }

    public async Task ConsentDeniedAsync()
    {
        Reached(LaunchStep.Denied, "a researcher denied permission");
        await SaveAsync();
    }

    public Task<IReadOnlyDictionary<LaunchStep, LaunchMilestone>> MilestonesAsync() =>
        Task.FromResult<IReadOnlyDictionary<LaunchStep, LaunchMilestone>>(new Dictionary<LaunchStep, LaunchMilestone>(queue.Milestones));

    public async Task TemplateChangedAsync(string templateId)
    {
        ForgetContext();
        var affected = await IdsAsync(new IssuanceQuery { TemplateId = templateId, Statuses = [IssuanceStatus.InOrcid, IssuanceStatus.Queued] });
        if (affected.Count > 0)
        {
            Enqueue(affected);
            await SaveAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation alone restarts the pump (OnActivateAsync); the reminder exists to cause it after a restart.
        reminderRegistered = true;
        return Task.CompletedTask;
    }

    private async Task<IssuanceView> CommandAsync(string issuanceId, Func<IIssuanceGrain, Task<IssuanceView?>> command)
    {
        ForgetContext();
        await StoreAheadAsync([issuanceId]);
        if (await command(Issuance(issuanceId)) is not { } view)
        {
            queue.Unschedule(issuanceId);
            await SaveAsync();
            throw new NotFoundException($"There is no issuance '{issuanceId}'.");
        }
        Announce([view.Id]);
        Enqueue(view.Id);
        await SaveAsync();
        return view;
    }

    public async Task EnsureOpenAsync() => await CheckOpenAsync([]);

    private async Task<IssuingContext> CheckOpenAsync(IReadOnlyList<NewIssuance> requests)
    {
        var current = await ReadContextAsync();
        var tenant = current.Tenant ?? throw new NotFoundException($"There is no member organisation '{Key.Tenant}'.");
        if (current.ClosedIn(Key.Environment, clock.GetUtcNow()) is { } closed)
        {
            throw new IssuingClosedException(closed);
        }
        if (await GrainFactory.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(Key.Tenant, Key.Environment)).GetAsync() is null)
        {
            throw new IssuingClosedException($"Set up the ORCID {Key.Environment.Name()} client (Settings → ORCID clients) before issuing.");
        }
        if (requests.FirstOrDefault(r => !current.Templates.ContainsKey(r.TemplateId)) is { } unknown)
        {
            throw new InvalidFieldException("templateId", $"There is no template '{unknown.TemplateId}'. Create it under Templates first.");
        }
        return current;
    }

    /// <summary>The tenant's profile and templates for the writes about to run: read again once <see cref="ContextLifetime"/> has passed.</summary>
    private Task<IssuingContext> ContextAsync() =>
        context is { } current && clock.GetUtcNow() - contextReadAt < ContextLifetime ? Task.FromResult(current) : ReadContextAsync();

    private async Task<IssuingContext> ReadContextAsync()
    {
        var readAt = clock.GetUtcNow();
        var profile = GrainFactory.GetGrain<ITenantGrain>(TenantKey.For(Key.Tenant)).GetProfileAsync();
        var templates = GrainFactory.GetGrain<ITenantTemplatesGrain>(TenantKey.For(Key.Tenant)).ListAsync();
        var tenant = await profile;
        var billing = tenant is null ? BillingStanding.NotConfigured : await GrainFactory.GetConsortiumBilling(tenant.ConsortiumSlug).GetStandingAsync();
        var read = new IssuingContext(tenant, (await templates).ToDictionary(t => t.Id, StringComparer.Ordinal), billing);
        (context, contextReadAt) = (read, readAt);
        return read;
    }

    /// <summary>A command or a template change may follow a change of the tenant: the next write reads them again.</summary>
    private void ForgetContext() => context = null;

    private void Reached(LaunchStep? step, string detail)
    {
        if (step is { } reached)
        {
            queue.Reach(reached, new LaunchMilestone(clock.GetUtcNow(), detail));
        }
    }

    /// <summary>Stores work for these issuances before they are called, due a little later: if the call never reports back
    /// (a crash between an issuance's write and its projection's, or before the queue heard of it), processing it then heals both.
    /// Work already scheduled keeps its time.</summary>
    private async Task StoreAheadAsync(IReadOnlyList<string> issuanceIds)
    {
        var due = clock.GetUtcNow() + options.Value.WakeUpPeriod;
        foreach (var id in issuanceIds.Where(id => !queue.Pending.ContainsKey(id)))
        {
            queue.Schedule(id, due);
        }
        await SaveAsync();
    }

    private Task<IReadOnlyList<string>> IdsAsync(IssuanceQuery query) => projection.IdsAsync(Key.Tenant, Key.Environment, query);

    private void Enqueue(IEnumerable<string> issuanceIds)
    {
        foreach (var id in issuanceIds)
        {
            Enqueue(id);
        }
    }

    private void Enqueue(string issuanceId)
    {
        queue.Schedule(issuanceId, clock.GetUtcNow());
        if (inFlight.Contains(issuanceId))
        {
            changedInFlight.Add(issuanceId);
        }
    }

    /// <summary>An issuance sent again unchanged: queued at once if it still has work to do (a crash left it stored but never
    /// queued), else its work stored ahead is dropped.</summary>
    private void Resume(IssuanceView issuance)
    {
        if (issuance.Status == IssuanceStatus.Queued)
        {
            Enqueue(issuance.Id);
        }
        else if (!inFlight.Contains(issuance.Id))
        {
            queue.Unschedule(issuance.Id);
        }
    }

    /// <summary>Cheap insurance, once per <see cref="IssuingOptions.WakeUpPeriod"/> and at activation: queued issuances the
    /// queue lost track of are queued again.</summary>
    private async Task SweepAsync()
    {
        lastSweep = clock.GetUtcNow();
        foreach (var stranded in (await IdsAsync(IssuanceQuery.WithStatus(IssuanceStatus.Queued))).Where(id => !queue.Pending.ContainsKey(id)))
        {
            logger.LogWarning("Issuance {Issuance} was queued with no work scheduled; it is queued again.", stranded);
            Enqueue(stranded);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - lastSweep >= options.Value.WakeUpPeriod)
        {
            await SweepAsync();
        }
        if (!pumping && queue.Pending.Count > 0)
        {
            pumping = true;
            try
            {
                await EnsureReminderAsync(true);
                await PumpAsync();
            }
            finally
            {
                pumping = false;
            }
        }
        if (Dirty && clock.GetUtcNow() - lastFlush >= FlushInterval)
        {
            await SaveAsync();
        }
        if (queue.Pending.Count == 0)
        {
            await EnsureReminderAsync(false);
        }
    }

    /// <summary>Runs due work, keeping up to <see cref="IssuingOptions.MaxInFlight"/> issuances in flight.</summary>
    private async Task PumpAsync()
    {
        var running = new Dictionary<Task<IssuanceWork>, string>();
        while (true)
        {
            var now = clock.GetUtcNow();
            var due = queue.Pending.Where(p => p.Value <= now && !inFlight.Contains(p.Key)).OrderBy(p => p.Value)
                .Select(p => p.Key).Take(options.Value.MaxInFlight - running.Count).ToList();
            if (due.Count > 0)
            {
                var current = await ContextAsync();
                foreach (var id in due)
                {
                    inFlight.Add(id);
                    running.Add(Issuance(id).ProcessAsync(current), id);
                }
            }
            if (running.Count == 0)
            {
                return;
            }
            var done = await Task.WhenAny(running.Keys);
            var doneId = running[done];
            running.Remove(done);
            inFlight.Remove(doneId);
            await CompleteAsync(doneId, done);
            if (done.IsCompletedSuccessfully && done.Result is { MovedFrom: { } from, View.Orcid: { } primary })
            {
                await MoveResearcherAsync(from, primary);
            }
            if (clock.GetUtcNow() - lastFlush >= FlushInterval)
            {
                await FlushWhilePumpingAsync();
            }
        }
    }

    /// <summary>A failed flush (the database restarting) must not end the pump: the issuances still running would stay marked in
    /// flight, and so never be run again while this activation lives. The queue stays dirty and the next flush stores it.</summary>
    private async Task FlushWhilePumpingAsync()
    {
        try
        {
            await SaveAsync();
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "Storing the issuing queue of {Tenant} failed; the next flush stores it.", Key.Tenant);
        }
    }

    private async Task CompleteAsync(string issuanceId, Task<IssuanceWork> work)
    {
        var changedMeanwhile = changedInFlight.Remove(issuanceId);
        if (!work.IsCompletedSuccessfully)
        {
            await CallFailedAsync(issuanceId, work.Exception!.GetBaseException());
            return;
        }
        queue.CallSucceeded(issuanceId);
        if (work.Result.View is { } view)
        {
            Announce([view.Id]);
            Reached(work.Result.Did switch
            {
                OrcidAction.Created or OrcidAction.Recovered => LaunchStep.Written,
                OrcidAction.ReadBack => LaunchStep.ReadBack,
                OrcidAction.Updated => LaunchStep.Updated,
                OrcidAction.Deleted => LaunchStep.Deleted,
                _ => null,
            }, view.Id);
        }
        if (changedMeanwhile)
        {
            return;
        }
        if (work.Result.RetryAt is { } retryAt)
        {
            queue.Schedule(issuanceId, retryAt);
        }
        else
        {
            queue.Unschedule(issuanceId);
        }
    }

    /// <summary>ORCID deprecated a researcher's record: their other issuances follow the one that found out, and then the consent
    /// for the old iD ends (after the moves, so that no issuance still on the old iD reads it as withdrawn).</summary>
    private async Task MoveResearcherAsync(string from, string primary)
    {
        foreach (var id in await IdsAsync(new IssuanceQuery { Orcid = from }))
        {
            if (await Issuance(id).MoveToAsync(from, primary) is not null)
            {
                Announce([id]);
                Enqueue(id);
            }
        }
        await GrainFactory.GetGrain<IResearcherGrain>(ResearcherKey.For(Key.Tenant, Key.Environment, from)).RecordEndedAsync(OrcidRecordState.Deprecated);
    }

    /// <summary>A grain call failed (silo shutting down, storage hiccup, or a fault in the issuance itself): tried again
    /// with backoff, and given up on after <see cref="IssuingOptions.MaxAttempts"/> so a poison issuance cannot loop for ever.</summary>
    private async Task CallFailedAsync(string issuanceId, Exception failure)
    {
        var attempts = queue.CallFailed(issuanceId);
        if (attempts < options.Value.MaxAttempts)
        {
            logger.LogWarning(failure, "Processing issuance {Issuance} failed (attempt {Attempts} of {MaxAttempts}); it will be tried again.",
                issuanceId, attempts, options.Value.MaxAttempts);
            queue.Schedule(issuanceId, clock.GetUtcNow() + options.Value.RetryDelay(attempts));
            return;
        }
        logger.LogError(failure, "Processing issuance {Issuance} failed {Attempts} times; it is marked failed.", issuanceId, attempts);
        try
        {
            await Issuance(issuanceId).GiveUpAsync(attempts, failure.Message);
            Announce([issuanceId]);
        }
        catch (Exception unmarked)
        {
            logger.LogError(unmarked, "Issuance {Issuance} could not be marked failed either; the queue lets it go.", issuanceId);
        }
        queue.Unschedule(issuanceId);
    }

    /// <summary>Stores a snapshot of the queue. Callers waiting meanwhile share the next write: a snapshot taken after
    /// their changes holds them.</summary>
    private async Task SaveAsync()
    {
        var wanted = queue.Version;
        await writeLock.WaitAsync();
        try
        {
            if (savedVersion >= wanted)
            {
                return;
            }
            var taken = queue.Version;
            lastFlush = clock.GetUtcNow();
            state.State = queue.Snapshot();
            await state.WriteStateAsync();
            savedVersion = taken;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task EnsureReminderAsync(bool wanted)
    {
        if (wanted == reminderRegistered)
        {
            return;
        }
        if (wanted)
        {
            await this.RegisterOrUpdateReminder(PumpReminder, options.Value.WakeUpPeriod, options.Value.WakeUpPeriod);
        }
        else if (await this.GetReminder(PumpReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        reminderRegistered = wanted;
    }

    /// <summary>Tells the pages showing this tenant's issuing that these issuances changed. Called once they answered, so their
    /// projection rows are written and a page that reads on the push reads them; one-way, so the queue never waits on a page.</summary>
    private void Announce(IReadOnlyList<string> issuanceIds) => Feed.IssuancesChangedAsync(issuanceIds).Ignore();

    private IIssuingFeedGrain Feed => GrainFactory.GetIssuingFeed(Key.Tenant, Key.Environment);

    private IIssuanceGrain Issuance(string issuanceId) => GrainFactory.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(Key.Tenant, issuanceId));
}

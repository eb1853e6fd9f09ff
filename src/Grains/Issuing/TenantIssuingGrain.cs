using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
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
/// The tenant's issuing in one environment. Submissions are persisted as pending work before they are acknowledged;
/// a pump writes them through <see cref="IIssuanceGrain"/>s, a bounded number at a time, and ORCID's rate limiter
/// paces the calls. A reminder wakes the grain after a restart while work is pending, so nothing accepted is lost.
/// Reentrant: issuances and researchers report back while the pump awaits them; every change happens between awaits
/// on the working <see cref="IssuingLedger"/>, and what is written is a snapshot of it, one write at a time (<see cref="writeLock"/>).
/// </summary>
[Reentrant]
public sealed class TenantIssuingGrain(
    [PersistentState("issuing", GrainStorage.Name)] IPersistentState<LedgerState> state,
    IOptions<IssuingOptions> options,
    TimeProvider clock,
    ILogger<TenantIssuingGrain> logger) : Grain, ITenantIssuingGrain, IRemindable
{
    private const string PumpReminder = "pump";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly HashSet<string> inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> changedInFlight = new(StringComparer.Ordinal);
    private IssuingLedger ledger = null!;
    /// <summary>The ledger's <see cref="IssuingLedger.Version"/> the stored snapshot holds.</summary>
    private long savedVersion;
    private bool pumping;
    private DateTimeOffset lastFlush;
    private DateTimeOffset lastSweep;
    private bool reminderRegistered;

    private bool Dirty => ledger.Version != savedVersion;

    private (string Tenant, string Environment) Key => IssuingKey.ParseLedger(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ledger = new IssuingLedger(state.State);
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
        await CheckOpenAsync(valid);
        var results = new List<IssuanceCreated>(valid.Count);
        foreach (var chunk in valid.Chunk(64))
        {
            results.AddRange(await Task.WhenAll(chunk.Select(request =>
                Issuance(IssuingKey.IssuanceId(Key.Environment, request.ExternalId)).SubmitAsync(request, portalUrl))));
        }
        foreach (var created in results)
        {
            ledger.Record(created.View);
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
        return results;
    }

    public Task<IssuancePage> ListAsync(IssuanceStatus? status, string? orcid, int skip, int take)
    {
        var matching = ledger.Issuances.Values
            .Where(i => status is null || i.Status == status)
            .Where(i => orcid is null || i.Orcid == orcid)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.ExternalId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new IssuancePage([.. matching.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000))], matching.Count));
    }

    public Task<IReadOnlyList<IssuanceView>> GetManyAsync(IReadOnlyList<string> ids) =>
        Task.FromResult<IReadOnlyList<IssuanceView>>([.. ids.Select(id => ledger.Issuances.GetValueOrDefault(id)).OfType<IssuanceView>()]);

    public Task<IssuingCounts> CountsAsync()
    {
        var issuances = ledger.Issuances.Values;
        var lastError = issuances.Where(i => i.Error is not null && i.Status is IssuanceStatus.Failed or IssuanceStatus.Queued)
            .MaxBy(i => i.UpdatedAt);
        return Task.FromResult(new IssuingCounts(
            issuances.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count()),
            ledger.Unfinished,
            ledger.Researchers.Count,
            ledger.Researchers.Values.Count(r => r.IsConnected),
            lastError?.Error,
            lastError?.UpdatedAt));
    }

    public Task<IReadOnlyList<ResearcherView>> ListResearchersAsync() =>
        Task.FromResult<IReadOnlyList<ResearcherView>>([.. ledger.Researchers.Values.OrderByDescending(r => r.ConnectedAt)]);

    public Task<IssuanceView> RevokeAsync(string issuanceId) => CommandAsync(issuanceId, issuance => issuance.RevokeAsync());

    public Task<IssuanceView> RetryAsync(string issuanceId) => CommandAsync(issuanceId, issuance => issuance.RetryAsync());

    public async Task<int> ReconcileAsync()
    {
        var written = ledger.Issuances.Values.Where(i => i.PutCode is not null && i.Status == IssuanceStatus.InOrcid).Select(i => i.Id).ToList();
        foreach (var chunk in written.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(id => Issuance(id).RequestCheckAsync()));
        }
        written.ForEach(Enqueue);
        await SaveAsync();
        return written.Count;
    }

    public async Task AssignResearcherAsync(string issuanceId, string orcid) =>
        await CommandAsync(issuanceId, issuance => issuance.AssignResearcherAsync(orcid));

    public async Task DeclineAsync(string issuanceId) =>
        await CommandAsync(issuanceId, issuance => issuance.DeclineAsync());

    public async Task ResearcherChangedAsync(ResearcherView researcher)
    {
        ledger.Record(researcher);
        Feed.EverythingChangedAsync().Ignore();
        Reached(researcher.Status == ConsentStatus.Connected ? LaunchStep.Authorized
            : researcher.Status == ConsentStatus.Disconnected ? LaunchStep.Disconnected
            : null, researcher.Orcid);
        foreach (var issuance in ledger.Issuances.Values.Where(i => i.Orcid == researcher.Orcid).ToList())
        {
            Enqueue(issuance.Id);
        }
        await SaveAsync();
    }

    public async Task ConsentDeniedAsync()
    {
        Reached(LaunchStep.Denied, "a researcher denied permission");
        await SaveAsync();
    }

    public Task<IReadOnlyDictionary<LaunchStep, LaunchMilestone>> MilestonesAsync() =>
        Task.FromResult<IReadOnlyDictionary<LaunchStep, LaunchMilestone>>(new Dictionary<LaunchStep, LaunchMilestone>(ledger.Milestones));

    public async Task TemplateChangedAsync(string templateId)
    {
        var affected = ledger.Issuances.Values.Where(i => i.TemplateId == templateId && i.Status is IssuanceStatus.InOrcid or IssuanceStatus.Queued).ToList();
        if (affected.Count > 0)
        {
            affected.ForEach(i => Enqueue(i.Id));
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
        var view = await command(Issuance(issuanceId)) ?? throw new NotFoundException($"There is no issuance '{issuanceId}'.");
        ledger.Record(view);
        Announce([view.Id]);
        Enqueue(view.Id);
        await SaveAsync();
        return view;
    }

    private async Task CheckOpenAsync(IReadOnlyList<NewIssuance> requests)
    {
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(TenantKey.For(Key.Tenant)).GetProfileAsync()
            ?? throw new NotFoundException($"There is no member organisation '{Key.Tenant}'.");
        if (Key.Environment == OrcidEnvironmentName.Production && !tenant.IsLaunchApproved)
        {
            throw new IssuingClosedException("Production issuing opens when the consortium approves this organisation's launch review. Use sandbox until then.");
        }
        if (await GrainFactory.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(Key.Tenant, Key.Environment)).GetAsync() is null)
        {
            throw new IssuingClosedException($"Set up the ORCID {Key.Environment} client (Settings → ORCID clients) before issuing.");
        }
        var templates = (await GrainFactory.GetGrain<ITenantTemplatesGrain>(TenantKey.For(Key.Tenant)).ListAsync()).Select(t => t.Id).ToHashSet();
        if (requests.FirstOrDefault(r => !templates.Contains(r.TemplateId)) is { } unknown)
        {
            throw new InvalidFieldException("templateId", $"There is no template '{unknown.TemplateId}'. Create it under Templates first.");
        }
    }

    private void Reached(LaunchStep? step, string detail)
    {
        if (step is { } reached)
        {
            ledger.Reach(reached, new LaunchMilestone(clock.GetUtcNow(), detail));
        }
    }

    private void Enqueue(string issuanceId)
    {
        ledger.Schedule(issuanceId, clock.GetUtcNow());
        if (inFlight.Contains(issuanceId))
        {
            changedInFlight.Add(issuanceId);
        }
    }

    /// <summary>Queues an issuance that still has work to do and is not queued; one already waiting keeps its time.</summary>
    private void Resume(IssuanceView issuance)
    {
        if (issuance.Status == IssuanceStatus.Queued && !ledger.Pending.ContainsKey(issuance.Id))
        {
            Enqueue(issuance.Id);
        }
    }

    /// <summary>Cheap insurance, once per <see cref="IssuingOptions.WakeUpPeriod"/> and at activation: queued issuances the
    /// queue lost track of are queued again.</summary>
    private void Sweep()
    {
        lastSweep = clock.GetUtcNow();
        foreach (var stranded in ledger.Stranded())
        {
            logger.LogWarning("Issuance {Issuance} was queued with no work scheduled; it is queued again.", stranded);
            Enqueue(stranded);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - lastSweep >= options.Value.WakeUpPeriod)
        {
            Sweep();
        }
        if (!pumping && ledger.Pending.Count > 0)
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
        if (ledger.Pending.Count == 0)
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
            foreach (var id in ledger.Pending.Where(p => p.Value <= now && !inFlight.Contains(p.Key)).OrderBy(p => p.Value)
                         .Select(p => p.Key).Take(options.Value.MaxInFlight - running.Count).ToList())
            {
                inFlight.Add(id);
                running.Add(Issuance(id).ProcessAsync(), id);
            }
            if (running.Count == 0)
            {
                return;
            }
            var done = await Task.WhenAny(running.Keys);
            var doneId = running[done];
            running.Remove(done);
            inFlight.Remove(doneId);
            Complete(doneId, done);
            if (done.IsCompletedSuccessfully && done.Result is { MovedFrom: { } from, View.Orcid: { } primary })
            {
                await MoveResearcherAsync(from, primary);
            }
            if (clock.GetUtcNow() - lastFlush >= FlushInterval)
            {
                await SaveAsync();
            }
        }
    }

    private void Complete(string issuanceId, Task<IssuanceWork> work)
    {
        var changedMeanwhile = changedInFlight.Remove(issuanceId);
        if (!work.IsCompletedSuccessfully)
        {
            CallFailed(issuanceId, work.Exception!.GetBaseException());
            return;
        }
        if (work.Result.View is { } view)
        {
            ledger.Record(view);
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
            ledger.Schedule(issuanceId, retryAt);
        }
        else
        {
            ledger.Unschedule(issuanceId);
        }
    }

    /// <summary>ORCID deprecated a researcher's record: their other issuances follow the one that found out, and then the consent
    /// for the old iD ends (after the moves, so that no issuance still on the old iD reads it as withdrawn).</summary>
    private async Task MoveResearcherAsync(string from, string primary)
    {
        foreach (var id in ledger.Issuances.Values.Where(i => i.Orcid == from).Select(i => i.Id).ToList())
        {
            if (await Issuance(id).MoveToAsync(from, primary) is { } moved)
            {
                ledger.Record(moved);
                Announce([id]);
                Enqueue(id);
            }
        }
        await GrainFactory.GetGrain<IResearcherGrain>(ResearcherKey.For(Key.Tenant, Key.Environment, from)).RecordEndedAsync(OrcidRecordState.Deprecated);
    }

    /// <summary>A grain call failed (silo shutting down, storage hiccup, or a fault in the issuance itself): tried again
    /// with backoff, and given up on after <see cref="IssuingOptions.MaxAttempts"/> so a poison issuance cannot loop for ever.</summary>
    private void CallFailed(string issuanceId, Exception failure)
    {
        var known = ledger.Issuances.GetValueOrDefault(issuanceId);
        var attempts = (known?.Attempts ?? 0) + 1;
        if (known is null || attempts >= options.Value.MaxAttempts)
        {
            logger.LogError(failure, "Processing issuance {Issuance} failed {Attempts} times; it is marked failed.", issuanceId, attempts);
            if (known is not null)
            {
                ledger.Record(known with
                {
                    Status = IssuanceStatus.Failed, Attempts = attempts, UpdatedAt = clock.GetUtcNow(),
                    Error = $"Gave up after {attempts} attempts: {failure.Message}",
                });
                Announce([issuanceId]);
            }
            ledger.Unschedule(issuanceId);
            return;
        }
        logger.LogWarning(failure, "Processing issuance {Issuance} failed (attempt {Attempts} of {MaxAttempts}); it will be tried again.",
            issuanceId, attempts, options.Value.MaxAttempts);
        ledger.Record(known with { Attempts = attempts, Error = failure.Message, UpdatedAt = clock.GetUtcNow() });
        Announce([issuanceId]);
        ledger.Schedule(issuanceId, clock.GetUtcNow() + options.Value.RetryDelay(attempts));
    }

    /// <summary>Stores a snapshot of the ledger. Callers waiting meanwhile share the next write: a snapshot taken after
    /// their changes holds them.</summary>
    private async Task SaveAsync()
    {
        var wanted = ledger.Version;
        await writeLock.WaitAsync();
        try
        {
            if (savedVersion >= wanted)
            {
                return;
            }
            var taken = ledger.Version;
            lastFlush = clock.GetUtcNow();
            state.State = ledger.Snapshot();
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

    /// <summary>Tells the pages showing this tenant's issuing that these views changed. Called right after the ledger records
    /// them, so a page that reads on the push reads them; one-way, so the queue never waits on a page.</summary>
    private void Announce(IReadOnlyList<string> issuanceIds) => Feed.IssuancesChangedAsync(issuanceIds).Ignore();

    private IIssuingFeedGrain Feed => GrainFactory.GetIssuingFeed(Key.Tenant, Key.Environment);

    private IIssuanceGrain Issuance(string issuanceId) => GrainFactory.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(Key.Tenant, issuanceId));
}

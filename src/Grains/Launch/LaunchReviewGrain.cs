using Consortium.Orcid;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Launch;

public sealed class LaunchReviewGrain(
    [PersistentState("launch-review", GrainStorage.Name)] IPersistentState<LaunchReviewState> state,
    TimeProvider clock) : Grain, ILaunchReviewGrain
{
    public const int MaxCommentsLength = 4000;

    private string Tenant => TenantKey.SlugOf(this.GetPrimaryKeyString());

    public async Task<LaunchReview> GetAsync() => View(await ChecklistAsync());

    public async Task<LaunchReview> SubmitAsync(string by)
    {
        var checklist = await ChecklistAsync();
        if (state.State.Status == LaunchReviewStatus.Approved)
        {
            throw new LaunchReviewRefusedException("The launch is approved already.");
        }
        if (checklist.Where(check => !check.Done).Select(check => check.Title).ToList() is { Count: > 0 } missing)
        {
            throw new LaunchReviewRefusedException($"Not ready to submit: show in sandbox first {string.Join("; ", missing)}.");
        }
        state.State = new LaunchReviewState { Status = LaunchReviewStatus.Submitted, SubmittedAt = clock.GetUtcNow(), SubmittedBy = by };
        await state.WriteStateAsync();
        return View(checklist);
    }

    public async Task<LaunchReview> ApproveAsync(string by, bool evenIfNotSubmitted)
    {
        if (state.State.Status != LaunchReviewStatus.Submitted && !evenIfNotSubmitted)
        {
            throw new LaunchReviewRefusedException("Only a submitted review can be approved.");
        }
        // Going live in production needs the consortium's subscription where billing is configured.
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(TenantKey.For(Tenant)).GetProfileAsync();
        if (tenant is not null && (await GrainFactory.GetConsortiumBilling(tenant.ConsortiumSlug).GetStandingAsync()).ClosesProduction(clock.GetUtcNow()) is { } unpaid)
        {
            throw new LaunchReviewRefusedException(unpaid);
        }
        await GrainFactory.GetGrain<ITenantGrain>(TenantKey.For(Tenant)).SetLaunchApprovedAsync(true);
        return await DecideAsync(LaunchReviewStatus.Approved, by, comments: null);
    }

    public async Task<LaunchReview> ReturnAsync(string by, string comments)
    {
        if (state.State.Status != LaunchReviewStatus.Submitted)
        {
            throw new LaunchReviewRefusedException("Only a submitted review can be returned.");
        }
        return await DecideAsync(LaunchReviewStatus.Returned, by, Fields.Text("comments", comments, MaxCommentsLength, "comments"));
    }

    private async Task<LaunchReview> DecideAsync(LaunchReviewStatus status, string by, string? comments)
    {
        state.State = state.State with { Status = status, DecidedAt = clock.GetUtcNow(), DecidedBy = by, Comments = comments };
        await state.WriteStateAsync();
        return await GetAsync();
    }

    private LaunchReview View(IReadOnlyList<LaunchCheck> checklist) => new(state.State.Status, checklist,
        state.State.SubmittedAt, state.State.SubmittedBy, state.State.DecidedAt, state.State.DecidedBy, state.State.Comments);

    /// <summary>What the demo review looks for, each with evidence from the tenant's sandbox activity.</summary>
    private async Task<IReadOnlyList<LaunchCheck>> ChecklistAsync()
    {
        var sandbox = GrainFactory.GetGrain<ITenantIssuingGrain>(IssuingKey.For(Tenant, OrcidEnvironment.Sandbox));
        var milestones = await sandbox.MilestonesAsync();
        var client = await GrainFactory.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(Tenant, OrcidEnvironment.Sandbox)).GetAsync();
        LaunchCheck Step(LaunchStep step, string title, string how) =>
            milestones.TryGetValue(step, out var first)
                ? new LaunchCheck(step.ToString(), title, true, $"First on {first.At:yyyy-MM-dd HH:mm} UTC ({first.Detail}).")
                : new LaunchCheck(step.ToString(), title, false, how);
        return
        [
            new LaunchCheck("SandboxClient", "a sandbox client validated with ORCID", client is not null,
                client is null ? "Store the sandbox client under ORCID clients." : $"{client.ClientId}, validated {client.ValidatedAt:yyyy-MM-dd HH:mm} UTC."),
            new LaunchCheck("OAuthOnly", "sign-in through ORCID OAuth only (no typed iDs)", true,
                $"The researcher page /t/{Tenant} only offers ORCID's authorize page; the iD comes from ORCID's token response."),
            Step(LaunchStep.Authorized, "a researcher authorizing", "Connect on the researcher page (sandbox) and authorize."),
            Step(LaunchStep.Denied, "a denial handled with a message and a retry", "Connect on the researcher page and deny."),
            Step(LaunchStep.Disconnected, "a disconnect that revokes the token", "Disconnect on the researcher page."),
            Step(LaunchStep.Written, "a qualification written", "Issue a qualification to a connected researcher."),
            Step(LaunchStep.ReadBack, "a qualification read back", "Use “Check against ORCID” on the Issuing page."),
            Step(LaunchStep.Updated, "a qualification updated", "Change the template of an issued qualification."),
            Step(LaunchStep.Deleted, "a qualification deleted", "Revoke an issued qualification."),
            new LaunchCheck("ApiVersion", "member API version 3.0", true, "Every call goes to ORCID's /v3.0 member API."),
            new LaunchCheck("DataStored", "the data stored about researchers, listed for them", true,
                "The researcher page lists it: iD and name, the permission and its dates, the encrypted token, each qualification with its put-code."),
        ];
    }
}

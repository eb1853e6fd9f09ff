using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Billing;

public sealed class MemberUsageGrain(
    [PersistentState("member-usage", GrainStorage.Name)] IPersistentState<MemberUsage> state,
    TimeProvider clock) : Grain, IMemberUsageGrain
{
    /// <summary>Two years of months: enough for the dashboard's history and far past any month still to be reported.</summary>
    public const int KeptMonths = 24;

    /// <summary>A retried write reaches here within minutes; far more issuances than a member writes in that time.</summary>
    public const int RememberedIssuances = 1000;

    public Task<MemberUsage> GetAsync() => Task.FromResult(state.State);

    public Task ResearcherConnectedAsync(string orcid) =>
        ChangeMonthAsync(UsageMonth.Of(clock.GetUtcNow()), month => month.Researchers.Contains(orcid) ? month : month with { Researchers = [.. month.Researchers, orcid] });

    public async Task IssuanceWrittenAsync(string issuance)
    {
        if (state.State.RecentIssuances.Contains(issuance))
        {
            return;
        }
        state.State = state.State with { RecentIssuances = [.. state.State.RecentIssuances.TakeLast(RememberedIssuances - 1), issuance] };
        await ChangeMonthAsync(UsageMonth.Of(clock.GetUtcNow()), month => month with { IssuancesWritten = month.IssuancesWritten + 1 });
    }

    public Task MarkReportedAsync(string month, string metric) =>
        ChangeMonthAsync(month, known => known.Reported.Contains(metric) ? known : known with { Reported = [.. known.Reported, metric] });

    private async Task ChangeMonthAsync(string month, Func<UsageMonth, UsageMonth> change)
    {
        var known = state.State.Months.FirstOrDefault(m => m.Month == month);
        var changed = change(known ?? new UsageMonth(month, [], 0, []));
        if (changed == known)
        {
            return;
        }
        state.State = state.State with
        {
            Months = [.. state.State.Months.Where(m => m.Month != month).Append(changed).OrderByDescending(m => m.Month, StringComparer.Ordinal).Take(KeptMonths)],
        };
        await state.WriteStateAsync();
    }
}

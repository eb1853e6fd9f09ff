using Consortium.Orcid;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Grains.Snapshots;

namespace Consortium.Grains.Templates;

public sealed class TenantTemplatesGrain(
    [PersistentState("templates", GrainStorage.Name)] IPersistentState<TemplatesState> state,
    TimeProvider clock) : Grain, ITenantTemplatesGrain
{
    public async Task<QualificationTemplate> SaveAsync(string id, TemplateInput input)
    {
        var template = input.Validated(id, clock.GetUtcNow());
        if (state.State.Templates.TryGetValue(id, out var existing) && existing with { UpdatedAt = template.UpdatedAt } == template)
        {
            return existing;
        }
        state.State.Templates[id] = template;
        await state.WriteStateAsync();
        var tenant = TenantKey.SlugOf(this.GetPrimaryKeyString());
        await GrainFactory.TenantChangedAsync(tenant);
        foreach (var environment in new[] { OrcidEnvironment.Sandbox, OrcidEnvironment.Production })
        {
            await GrainFactory.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant, environment)).TemplateChangedAsync(id);
        }
        return template;
    }

    public Task<QualificationTemplate?> GetAsync(string id) => Task.FromResult(state.State.Templates.GetValueOrDefault(id));

    public Task<IReadOnlyList<QualificationTemplate>> ListAsync() =>
        Task.FromResult<IReadOnlyList<QualificationTemplate>>([.. state.State.Templates.Values.OrderBy(t => t.Id, StringComparer.Ordinal)]);
}

using Consortium.Orcid;
using Consortium.Grains.Researchers;

namespace Consortium.Grains.Issuing.Projection;

/// <summary>
/// The issuing lists: a table per kind in the installation's database, written by the grain that owns each row after every change
/// and read by the pages, the API and the queue. A write is keyed by id and version, so a replay or a late write never takes a
/// row back; a lost write is healed by the next one, or by <see cref="ProjectionRebuild"/> from grain state.
/// </summary>
public interface IIssuingProjection
{
    /// <summary>Stores the issuance as of <paramref name="version"/>, unless the table holds a newer one.</summary>
    Task SaveAsync(string tenant, IssuanceView issuance, long version);

    /// <summary>Stores the researcher's consent as of <paramref name="version"/>, unless the table holds a newer one.</summary>
    Task SaveAsync(string tenant, ResearcherView researcher, long version);

    Task<IssuancePage> ListAsync(string tenant, OrcidEnvironment environment, IssuanceQuery query);

    /// <summary>Every matching id, unpaged: what the queue acts on.</summary>
    Task<IReadOnlyList<string>> IdsAsync(string tenant, OrcidEnvironment environment, IssuanceQuery query);

    Task<IReadOnlyList<IssuanceView>> GetManyAsync(string tenant, IReadOnlyList<string> ids);

    /// <summary>Counts by status and of researchers; <see cref="IssuingCounts.Pending"/> is the queued count (the queue knows more).</summary>
    Task<IssuingCounts> CountAsync(string tenant, OrcidEnvironment environment);

    Task<ResearcherPage> ListResearchersAsync(string tenant, OrcidEnvironment environment, ResearcherQuery query);

    /// <summary>Empties the rows of one tenant, or of all when null: the first step of a rebuild.</summary>
    Task ClearAsync(string? tenant);

    /// <summary>The keys of every issuance and researcher grain that has stored state, for a rebuild.</summary>
    Task<StoredGrainKeys> StoredKeysAsync(string? tenant);
}

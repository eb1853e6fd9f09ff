using Consortium.Grains.Teams;

namespace Consortium.Grains.Interfaces;

/// <summary>Who holds one role in one scope. The only way roles are granted or taken away. Key: <see cref="TeamKey.For"/>.</summary>
[Alias("ITeamGrain")]
public interface ITeamGrain : IGrainWithStringKey
{
    /// <summary>Grants the team's role to the person; idempotent.</summary>
    [Alias("Add")]
    Task AddAsync(string orcid);

    /// <summary>Takes the team's role away from the person at once; idempotent.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string orcid);

    [Alias("List")]
    Task<IReadOnlyList<TeamMember>> ListAsync();
}

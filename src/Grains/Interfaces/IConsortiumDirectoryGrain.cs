using Consortium.Grains.Common;
using Consortium.Grains.Consortia;

namespace Consortium.Grains.Interfaces;

/// <summary>All consortia on the platform. A single grain: key <see cref="Key"/>.</summary>
[Alias("IConsortiumDirectoryGrain")]
public interface IConsortiumDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "consortia";

    /// <exception cref="InvalidFieldException">A field is malformed.</exception>
    /// <exception cref="AlreadyExistsException">The slug is taken.</exception>
    [Alias("Create")]
    Task<ConsortiumProfile> CreateAsync(NewConsortium consortium);

    [Alias("List")]
    Task<IReadOnlyList<ConsortiumProfile>> ListAsync();
}

using Consortium.Grains.Lti;

namespace Consortium.Grains.Interfaces;

/// <summary>The LTI 1.3 platforms a tenant registered, by an id of its choosing. Key: <see cref="LtiPlatformsGrain.KeyFor"/>.</summary>
[Alias("ILtiPlatformsGrain")]
public interface ILtiPlatformsGrain : IGrainWithStringKey
{
    /// <exception cref="Common.InvalidFieldException">A field is malformed; nothing is saved.</exception>
    [Alias("Save")]
    Task<LtiPlatform> SaveAsync(string id, LtiPlatform platform);

    [Alias("Get")]
    Task<LtiPlatform?> GetAsync(string id);

    /// <returns>False when no platform had that id.</returns>
    [Alias("Remove")]
    Task<bool> RemoveAsync(string id);

    [Alias("List")]
    Task<IReadOnlyDictionary<string, LtiPlatform>> ListAsync();
}

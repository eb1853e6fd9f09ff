using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Tests.Infrastructure;

public static class TestConsortia
{
    /// <summary>A new consortium with a unique slug, registered in the platform's directory.</summary>
    public static async Task<IConsortiumGrain> CreateAsync(IGrainFactory grains)
    {
        var created = await grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key)
            .CreateAsync(new NewConsortium(UniqueSlug.New("cons"), "Test Consortium"));
        return grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(created.Slug));
    }
}

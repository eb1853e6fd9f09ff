using Consortium.Grains.Common;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Consortia;

[Collection(SqliteClusterCollection.Name)]
public sealed class ConsortiumGrainTests(SqliteClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Cluster.Client;

    [Fact]
    public async Task CreatedTenantIsListedWithItsNormalisedProfile()
    {
        var consortium = await TestConsortia.CreateAsync(_grains);
        var consortiumSlug = (await consortium.GetProfileAsync())!.Slug;
        var slug = UniqueSlug.New();

        var created = await consortium.CreateTenantAsync(new NewTenant($"  {slug} ", " Example University ", "https://ror.org/02MHBDP94"));

        Assert.Equal((slug, "Example University", "https://ror.org/02mhbdp94", consortiumSlug), (created.Slug, created.Name, created.RorId, created.ConsortiumSlug));
        Assert.Equal(created, Assert.Single(await consortium.ListTenantsAsync()));
        Assert.Equal(created, await _grains.GetGrain<ITenantGrain>(TenantKey.For(slug)).GetProfileAsync());
    }

    [Fact]
    public async Task TenantSlugTakenInAnotherConsortiumIsRefusedAndTheFirstKept()
    {
        var first = await TestConsortia.CreateAsync(_grains);
        var second = await TestConsortia.CreateAsync(_grains);
        var slug = UniqueSlug.New();
        var kept = await first.CreateTenantAsync(new NewTenant(slug, "First", null));

        var refused = await Assert.ThrowsAsync<AlreadyExistsException>(() => second.CreateTenantAsync(new NewTenant(slug, "Second", null)));

        Assert.Equal(nameof(NewTenant.Slug), refused.Field);
        Assert.Contains(slug, refused.Message);
        Assert.Empty(await second.ListTenantsAsync());
        Assert.Equal(kept, await _grains.GetGrain<ITenantGrain>(TenantKey.For(slug)).GetProfileAsync());
    }

    [Theory]
    [InlineData("A", "Name", null, "Slug")]
    [InlineData("Upper-Case", "Name", null, "Slug")]
    [InlineData("-leading-hyphen", "Name", null, "Slug")]
    [InlineData("good-slug", "   ", null, "Name")]
    [InlineData("good-slug", "Name", "https://ror.org/not-a-ror", "RorId")]
    [InlineData("good-slug", "Name", "12mhbdp94", "RorId")]
    public async Task MalformedTenantFieldIsNamedAndNothingIsStored(string slug, string name, string? rorId, string field)
    {
        var consortium = await TestConsortia.CreateAsync(_grains);

        var invalid = await Assert.ThrowsAsync<InvalidFieldException>(() => consortium.CreateTenantAsync(new NewTenant(slug, name, rorId)));

        Assert.Equal(field, invalid.Field);
        Assert.Empty(await consortium.ListTenantsAsync());
    }

    [Fact]
    public async Task TenantOfAnUnknownConsortiumIsRefusedAndNotCreated()
    {
        var slug = UniqueSlug.New();
        var nowhere = _grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(UniqueSlug.New("ghost")));

        await Assert.ThrowsAsync<NotFoundException>(() => nowhere.CreateTenantAsync(new NewTenant(slug, "Orphan", null)));

        Assert.Null(await _grains.GetGrain<ITenantGrain>(TenantKey.For(slug)).GetProfileAsync());
    }

    [Fact]
    public async Task SecondConsortiumWithTheSameSlugIsRefused()
    {
        var directory = _grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key);
        var slug = UniqueSlug.New("cons");
        var first = await directory.CreateAsync(new NewConsortium(slug, "First"));

        var refused = await Assert.ThrowsAsync<AlreadyExistsException>(() => directory.CreateAsync(new NewConsortium(slug, "Second")));

        Assert.Equal(nameof(NewConsortium.Slug), refused.Field);
        Assert.Equal(first, Assert.Single(await directory.ListAsync(), consortium => consortium.Slug == slug));
    }
}

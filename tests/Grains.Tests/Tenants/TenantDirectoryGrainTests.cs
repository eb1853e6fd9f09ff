using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Tenants;

[Collection(SqliteClusterCollection.Name)]
public sealed class TenantDirectoryGrainTests(SqliteClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Cluster.Client;

    [Fact]
    public async Task CreatedTenantIsListedWithItsNormalisedProfile()
    {
        var directory = _grains.GetGrain<ITenantDirectoryGrain>($"directory-{Guid.NewGuid():N}");
        var slug = UniqueSlug.New();

        var created = await directory.CreateAsync(new NewTenant($"  {slug} ", " Example University ", "https://ror.org/02MHBDP94"));

        Assert.Equal(new NewTenant(slug, "Example University", "02mhbdp94"), new NewTenant(created.Slug, created.Name, created.RorId));
        Assert.Equal(created, Assert.Single(await directory.ListAsync()));
        Assert.Equal(created, await _grains.GetGrain<ITenantGrain>(TenantKey.For(slug)).GetProfileAsync());
    }

    [Fact]
    public async Task SecondTenantWithTheSameSlugIsRefusedAndTheFirstKept()
    {
        var directory = _grains.GetGrain<ITenantDirectoryGrain>($"directory-{Guid.NewGuid():N}");
        var slug = UniqueSlug.New();
        var first = await directory.CreateAsync(new NewTenant(slug, "First", null));

        var refused = await Assert.ThrowsAsync<TenantAlreadyExistsException>(() => directory.CreateAsync(new NewTenant(slug, "Second", null)));

        Assert.Contains(slug, refused.Message);
        Assert.Equal(first, Assert.Single(await directory.ListAsync()));
    }

    [Theory]
    [InlineData("A", "Name", null, "Slug")]
    [InlineData("Upper-Case", "Name", null, "Slug")]
    [InlineData("-leading-hyphen", "Name", null, "Slug")]
    [InlineData("good-slug", "   ", null, "Name")]
    [InlineData("good-slug", "Name", "https://ror.org/not-a-ror", "RorId")]
    [InlineData("good-slug", "Name", "12mhbdp94", "RorId")]
    public async Task MalformedFieldIsNamedAndNothingIsStored(string slug, string name, string? rorId, string field)
    {
        var directory = _grains.GetGrain<ITenantDirectoryGrain>($"directory-{Guid.NewGuid():N}");

        var invalid = await Assert.ThrowsAsync<TenantValidationException>(() => directory.CreateAsync(new NewTenant(slug, name, rorId)));

        Assert.Equal(field, invalid.Field);
        Assert.Empty(await directory.ListAsync());
    }
}

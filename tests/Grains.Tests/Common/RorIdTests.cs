using Consortium.Grains.Common;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Tests.Common;

public sealed class RorIdTests
{
    // Real ROR ids the repository uses (demo, docs, ORCID's sample files), in the forms people paste.
    [Theory]
    [InlineData("https://ror.org/02mhbdp94", "https://ror.org/02mhbdp94")]
    [InlineData("ror.org/03b94tp07", "https://ror.org/03b94tp07")]
    [InlineData("03yrm5c26", "https://ror.org/03yrm5c26")]
    [InlineData(" https://ror.org/021NXHR62/ ", "https://ror.org/021nxhr62")]
    [InlineData("http://www.ror.org/05qwgg493", "https://ror.org/05qwgg493")]
    [InlineData("027KA1X80", "https://ror.org/027ka1x80")]
    public void ARealRorIdIsStoredInOrcidsForm(string typed, string orcidForm)
    {
        Assert.True(RorId.TryParse(typed, out var parsed));
        Assert.Equal(orcidForm, parsed);
        Assert.Equal(orcidForm, Fields.OptionalRorId("RorId", typed));
    }

    [Theory]
    [InlineData("02mhbdp95")]                 // a check digit off by one
    [InlineData("https://ror.org/03b94tp70")] // check digits swapped
    [InlineData("03yrm5c62")]
    [InlineData("02mhbpd94")]                 // two characters swapped
    public void AWellFormedIdWithWrongCheckDigitsIsRefusedAsSuch(string typed)
    {
        Assert.True(RorId.IsWellFormed(typed));
        Assert.False(RorId.TryParse(typed, out _));
        var refused = Assert.Throws<InvalidFieldException>(() => Fields.OptionalRorId("RorId", typed));
        Assert.Contains("check digits", refused.Message);
    }

    [Theory]
    [InlineData("12mhbdp94")]                 // must start with 0
    [InlineData("02mhbdp9")]                  // too short
    [InlineData("02mhbdpi4")]                 // i is not Crockford base32
    [InlineData("https://ror.org/not-a-ror")]
    [InlineData("https://example.org/02mhbdp94")]
    public void SomethingElseIsNoRorId(string typed)
    {
        Assert.False(RorId.IsWellFormed(typed));
        Assert.False(RorId.TryParse(typed, out _));
        Assert.Contains("must look like", Assert.Throws<InvalidFieldException>(() => Fields.OptionalRorId("RorId", typed)).Message);
    }

    [Fact]
    public void AStoredIdReadsInOrcidsFormWhetherBareOrNot()
    {
        Assert.Equal("https://ror.org/02mhbdp94", RorId.OrcidForm("02mhbdp94"));
        Assert.Equal("https://ror.org/02mhbdp94", RorId.OrcidForm("https://ror.org/02mhbdp94"));
    }

    [Fact]
    public void CityAndCountryAreOptionalButACityNeedsItsCountry()
    {
        Assert.Equal(new OrganisationDetails("Lab", "https://ror.org/02mhbdp94", null, null),
            new OrganisationDetails(" Lab ", "02mhbdp94", " ", null).Validated());
        Assert.Equal(new OrganisationDetails("Lab", null, null, "NZ"), new OrganisationDetails("Lab", null, null, "nz").Validated());

        var refused = Assert.Throws<InvalidFieldException>(() => new OrganisationDetails("Lab", "02mhbdp94", "Wellington", null).Validated());

        Assert.Equal("Country", refused.Field);
        Assert.Contains("country when a city is given", refused.Message);
    }
}

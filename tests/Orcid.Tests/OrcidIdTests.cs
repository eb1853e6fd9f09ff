using Consortium.Orcid;

namespace Consortium.Orcid.Tests;

public sealed class OrcidIdTests
{
    [Theory]
    [InlineData("0000-0002-1825-0097")]
    [InlineData("0000-0001-5109-3700")]
    [InlineData("0000-0002-1694-233X")]
    public void ValidIdsParseToTheirCanonicalForm(string text)
    {
        var id = OrcidId.Parse(text);

        Assert.Equal(text, id.Value);
        Assert.Equal(new Uri($"https://orcid.org/{text}"), id.Uri);
    }

    [Theory]
    [InlineData("https://orcid.org/0000-0002-1694-233X")]
    [InlineData("https://sandbox.orcid.org/0000-0002-1694-233X")]
    [InlineData("http://orcid.org/0000-0002-1694-233x/")]
    [InlineData("000000021694233X")]
    [InlineData("  0000-0002-1694-233X ")]
    public void UrlAndCompactFormsParseToTheBareId(string text)
    {
        Assert.Equal("0000-0002-1694-233X", OrcidId.Parse(text).Value);
    }

    [Theory]
    [InlineData("0000-0002-1825-0098", "check digit is 8, the checksum gives 7")]
    [InlineData("0000-0002-1825-009", "it needs 16 digits (dddd-dddd-dddd-dddX), it has 15")]
    [InlineData("0000-0002-1825-00971", "it has 17")]
    [InlineData("0000-000A-1825-0097", "only digits are allowed, and X as the last character")]
    [InlineData("000-00002-1825-0097", "groups of four digits must be separated by hyphens")]
    [InlineData("", "An ORCID iD is required.")]
    public void InvalidIdsAreRefusedWithTheReason(string text, string reason)
    {
        Assert.False(OrcidId.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void GeneratedIdsAreValidAndRoundTrip()
    {
        for (var i = 0; i < 200; i++)
        {
            var id = OrcidId.NewRandom();

            Assert.True(OrcidId.TryParse(id.Uri.AbsoluteUri, out var parsed, out var error), error);
            Assert.Equal(id, parsed);
        }
    }

    [Fact]
    public void CheckDigitTenIsX()
    {
        Assert.Equal('X', OrcidId.CheckDigit("000000021694233"));
    }
}

using Consortium.Orcid;

namespace Consortium.Orcid.Tests;

public sealed class OrcidIdTests
{
    [Theory]
    [InlineData("0000-0002-1825-0097", "0000-0002-1825-0097")]
    [InlineData("0000-0001-5109-3700", "0000-0001-5109-3700")]
    [InlineData("0000-0002-1694-233X", "0000-0002-1694-233X")]
    [InlineData("0000-0002-1694-233x", "0000-0002-1694-233X")]
    [InlineData("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097")]
    [InlineData("https://sandbox.orcid.org/0000-0001-5109-3700/", "0000-0001-5109-3700")]
    [InlineData(" 0000000218250097 ", "0000-0002-1825-0097")]
    public void ValidIdsParseToTheirCanonicalForm(string text, string canonical)
    {
        var id = OrcidId.Parse(text);

        Assert.Equal(canonical, id.Value);
        Assert.Equal(new Uri($"https://orcid.org/{canonical}"), id.Uri);
    }

    [Theory]
    [InlineData("0000-0002-1825-0098", "the checksum gives 7")]
    [InlineData("0000-0002-1694-2330", "the checksum gives X")]
    [InlineData("0000-0002-1825-009", "it has 15")]
    [InlineData("0000-0002-1825-00971", "it has 17")]
    [InlineData("0000-000A-1825-0097", "only digits are allowed")]
    [InlineData("00000-002-1825-0097", "groups of four digits must be separated by hyphens")]
    [InlineData("", "An ORCID iD is required.")]
    public void InvalidIdsAreRefusedWithTheReason(string text, string reason)
    {
        Assert.False(OrcidId.TryParse(text, out var id, out var error));

        Assert.Equal(default, id);
        Assert.Contains(reason, error);
        Assert.Contains(reason, Assert.Throws<FormatException>(() => OrcidId.Parse(text)).Message);
    }

    [Fact]
    public void GeneratedIdsHaveValidCheckDigitsAndRoundTrip()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => OrcidId.NewRandom()).ToList();

        Assert.All(ids, id => Assert.Equal(id, OrcidId.Parse(id.Uri.ToString())));
        Assert.All(ids, id => Assert.Equal(OrcidId.CheckDigit(id.Value.Replace("-", "").AsSpan(0, 15)), id.Value[^1]));
        // A change to any one of the first 15 digits changes the check digit.
        Assert.All(ids.Take(50), id => Assert.All(Enumerable.Range(0, 15), position =>
        {
            var digits = id.Value.Replace("-", "").ToCharArray();
            digits[position] = (char)('0' + (digits[position] - '0' + 1) % 10);
            Assert.False(OrcidId.TryParse(new string(digits), out _, out _));
        }));
    }
}

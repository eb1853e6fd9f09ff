using System.Text;
using Consortium.Grains.Common;
using Consortium.Grains.Trust;
using Consortium.Portal.Services;
using Consortium.Portal.Verification;

namespace Consortium.Portal.Tests.Verification;

/// <summary>The Verify tab's CSV files: which iDs an upload holds, what is refused with a message, and the result file.</summary>
public sealed class VerificationCsvTests
{
    [Fact]
    public void TheOrcidColumnIsReadWhereverItIsWithBlankValuesSkippedAndOtherColumnsIgnored()
    {
        var orcids = Read("\uFEFFname,ORCID,unit\nWu,0000-0002-1825-0097,Physics\n,,\nNoether, 0000-0001-9999-9990 ,Maths\nShort row\n");

        Assert.Equal(["0000-0002-1825-0097", "0000-0001-9999-9990"], orcids);
    }

    [Theory]
    [InlineData("name,email\nWu,wu@example.org\n", "no 'orcid' column")]
    [InlineData("orcid\n\n", "no iDs")]
    [InlineData("", "no 'orcid' column")]
    public void AFileWithoutIdsIsRefusedWithAMessageOnTheFile(string csv, string message)
    {
        var refused = Assert.Throws<InvalidFieldException>(() => Read(csv));

        Assert.Equal("file", refused.Field);
        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public void AFileOfMoreThanAThousandIdsIsRefused()
    {
        var csv = "orcid\n" + string.Concat(Enumerable.Repeat("0000-0002-1825-0097\n", BatchVerification.MaxOrcids + 1));

        Assert.Contains("1,001 iDs, but at most 1,000", Assert.Throws<InvalidFieldException>(() => Read(csv)).Message);
    }

    [Fact]
    public void TheResultHasOneLinePerIdAndAFormulaInAnUploadedValueDoesNotRun()
    {
        var csv = Encoding.UTF8.GetString(VerificationCsv.Write([
            new BatchVerificationEntry("0000-0002-1825-0097", Decision.Allow, "Allowed: \"Radiation Safety\", written by this organisation.", []),
            BatchVerificationEntry.Failed("=HYPERLINK(\"http://evil.example\")", "Not an ORCID iD."),
        ]));

        Assert.Equal(
            "orcid,decision,reason\n0000-0002-1825-0097,allow,\"Allowed: \"\"Radiation Safety\"\", written by this organisation.\"\n\"'=HYPERLINK(\"\"http://evil.example\"\")\",,Not an ORCID iD.\n",
            csv.ReplaceLineEndings("\n"));
    }

    private static IReadOnlyList<string> Read(string csv) => VerificationCsv.ReadOrcids(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
}

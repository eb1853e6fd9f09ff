using System.Text;
using CsvHelper;
using Consortium.Portal.Issuing;

namespace Consortium.Portal.Tests.Issuing;

public sealed class BatchCsvWriterTests
{
    [Fact]
    public void WritesTheHeaderAndOneLinePerOutcome()
    {
        BatchRowOutcome[] outcomes =
        [
            new(2, "a1", "0000-0002-1825-0097", null, "issued", 1234567, null),
            new(3, "a2", null, "j@example.org", "invited", null, null),
        ];

        var text = Encoding.UTF8.GetString(BatchCsvWriter.Write(outcomes));

        Assert.Equal(
            "line,external_id,orcid,email,status,put_code,error\r\n"
            + "2,a1,0000-0002-1825-0097,,issued,1234567,\r\n"
            + "3,a2,,j@example.org,invited,,\r\n",
            text);
    }

    [Fact]
    public void NoOutcomesGivesTheHeaderOnly()
    {
        Assert.Equal("line,external_id,orcid,email,status,put_code,error\r\n", Encoding.UTF8.GetString(BatchCsvWriter.Write([])));
    }

    [Fact]
    public void OutputIsUtf8WithoutAByteOrderMark()
    {
        var bytes = BatchCsvWriter.Write([new(2, "a1", null, "zoë@example.org", "failed", null, "Zoë's record is locked")]);

        Assert.Equal((byte)'l', bytes[0]);
        Assert.Contains("Zoë's record is locked", new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
    }

    [Fact]
    public void ValuesWithCommasQuotesAndLineBreaksReadBackUnchanged()
    {
        BatchRowOutcome[] outcomes =
        [
            new(2, "a1", "0000-0002-1825-0097", null, "issued", 9_000_000_001, null),
            new(5, "a2", "0000-0001-5109-3700", "j@example.org", "failed", null, "ORCID said \"invalid, try later\"\nthen closed the connection"),
            new(7, "a.3", null, "x@example.org", "skipped", null, "Template 'phd', line 2, is gone"),
        ];

        using var reader = CsvReader.Create(new MemoryStream(BatchCsvWriter.Write(outcomes)), CsvReaderOptions.Default with { Separator = ',' });
        var readBack = new List<BatchRowOutcome>();
        while (reader.Read())
        {
            readBack.Add(new BatchRowOutcome(
                int.Parse(reader.GetString("line")),
                reader.GetString("external_id"),
                NullIfEmpty(reader.GetString("orcid")),
                NullIfEmpty(reader.GetString("email")),
                reader.GetString("status"),
                reader.GetString("put_code") is { Length: > 0 } putCode ? long.Parse(putCode) : null,
                NullIfEmpty(reader.GetString("error"))));
        }

        Assert.Equal(["line", "external_id", "orcid", "email", "status", "put_code", "error"], reader.Headers);
        Assert.Equal(outcomes, readBack);
    }

    [Fact]
    public void TextThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText()
    {
        var text = Encoding.UTF8.GetString(BatchCsvWriter.Write([new(2, "a1", null, "=cmd@example.org", "failed", null, "=HYPERLINK(\"http://evil\")")]));

        Assert.Equal("2,a1,,\"'=cmd@example.org\",failed,,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n", text.Split("\r\n", 2)[1]);
    }

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

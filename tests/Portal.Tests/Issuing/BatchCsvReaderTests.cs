using System.Text;
using Consortium.Orcid;
using Consortium.Portal.Issuing;

namespace Consortium.Portal.Tests.Issuing;

public sealed class BatchCsvReaderTests
{
    const string Josiah = "0000-0002-1825-0097";
    const string Header = "template,external_id,orcid,email,start_date,given_names,family_names";

    static readonly IReadOnlySet<string> Templates = new HashSet<string> { "phd", "masters" };

    static BatchParseResult Read(string csv) => Read(Encoding.UTF8.GetBytes(csv));

    static BatchParseResult Read(byte[] csv) => BatchCsvReader.Read(new MemoryStream(csv), Templates);

    /// <summary>A file with the full header and the given data lines.</summary>
    static BatchParseResult ReadRows(params string[] rows) => Read(string.Join("\n", [Header, .. rows]) + "\n");

    static BatchProblem SingleProblem(BatchParseResult result, int line, string field)
    {
        var problem = Assert.Single(result.Problems);
        Assert.Equal((line, field), (problem.Line, problem.Field));
        return problem;
    }

    [Fact]
    public void ARejectedRowKeepsTheValuesThatNameItAsWritten()
    {
        var result = ReadRows($"phd,p-1,{Josiah},,2025-13-45,,", "nosuch,p-2,,ada@example.org,,,", $"phd,p-3,{Josiah},,,,");

        Assert.Equal(["p-3"], result.Rows.Select(r => r.ExternalId));
        Assert.Equal(new RejectedRow(2, "p-1", Josiah, null), result.RejectedOn(2));
        Assert.Equal(new RejectedRow(3, "p-2", null, "ada@example.org"), result.RejectedOn(3));
        Assert.Equal(2, result.Rejected.Count);
    }

    [Fact]
    public void ValidFileGivesEveryRowWithTrimmedCanonicalValues()
    {
        var result = Read($"""
            {Header}
            phd,  PHD-2025.001 ,https://orcid.org/{Josiah},,2025-03-01, Josiah , Carberry
            masters,m_17,0000-0002-1694-233x,j.carberry@example.org,,,
            phd,"p-3",,"  someone@example.ac.uk ",,"Ana María",

            """);

        Assert.Empty(result.Problems);
        Assert.Equal(3, result.TotalRows);
        Assert.Equal(
            [
                new BatchRow(2, "phd", "PHD-2025.001", Josiah, null, new DateOnly(2025, 3, 1), "Josiah", "Carberry"),
                new BatchRow(3, "masters", "m_17", "0000-0002-1694-233X", "j.carberry@example.org", null, null, null),
                new BatchRow(4, "phd", "p-3", null, "someone@example.ac.uk", null, "Ana María", null),
            ],
            result.Rows);
    }

    [Fact]
    public void HeaderNamesIgnoreCaseAndTreatSpacesHyphensAndUnderscoresAlike()
    {
        var result = Read($"""
            Template, External ID ,ORCID,EMAIL,start-date,Given  Names,FAMILY_NAMES
            phd,a1,{Josiah},,2024-09-01,Josiah,Carberry
            """);

        Assert.Empty(result.Problems);
        Assert.Equal(new BatchRow(2, "phd", "a1", Josiah, null, new DateOnly(2024, 9, 1), "Josiah", "Carberry"), Assert.Single(result.Rows));
    }

    [Fact]
    public void ColumnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut()
    {
        var result = Read($"email,external_id,template\nj@example.org,a1,phd\n");

        Assert.Empty(result.Problems);
        Assert.Equal(new BatchRow(2, "phd", "a1", null, "j@example.org", null, null, null), Assert.Single(result.Rows));
    }

    [Fact]
    public void UnknownColumnIsAHeaderProblemNamingTheAllowedColumnsAndNoRowIsReturned()
    {
        var result = Read($"template,external_id,orcid,Department\nphd,a1,{Josiah},Physics\n");

        var problem = SingleProblem(result, 1, "Department");
        Assert.Contains("'Department'", problem.Message);
        Assert.Contains("template, external_id, orcid, email, start_date, given_names, family_names", problem.Message);
        Assert.Empty(result.Rows);
        Assert.Equal(1, result.TotalRows);
    }

    [Fact]
    public void EveryMissingRequiredColumnIsReported()
    {
        var result = Read("given_names,family_names\nJosiah,Carberry\n");

        Assert.Equal(
            [(1, "template"), (1, "external_id"), (1, "orcid")],
            result.Problems.Select(problem => (problem.Line, problem.Field)));
        Assert.Contains("email", result.Problems[2].Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void AllHeaderProblemsAreReportedTogether()
    {
        var result = Read($"template,Department,orcid,External-ID,external_id,\nphd,x,{Josiah},a1,a1,\n");

        Assert.Equal(
            [(1, "Department"), (1, "external_id"), (1, "")],
            result.Problems.Select(problem => (problem.Line, problem.Field)));
        Assert.Contains("column 4 ('External-ID')", result.Problems[1].Message);
        Assert.Contains("Column 6 has no name", result.Problems[2].Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void RowsAreNotCheckedWhenTheHeaderIsWrong()
    {
        var result = Read("template,external_id,orcid,extra\n,,,\nphd,bad id,nonsense,x\n");

        Assert.Equal((1, "extra"), (Assert.Single(result.Problems).Line, result.Problems[0].Field));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void SemicolonSeparatedFileIsTurnedAwayWithAHint()
    {
        var result = Read($"template;external_id;orcid\nphd;a1;{Josiah}\n");

        Assert.Contains(result.Problems, problem => problem.Field == "template;external_id;orcid" && problem.Message.Contains("semicolons"));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void MissingTemplate()
    {
        var result = ReadRows($",a1,{Josiah},,,,");

        Assert.Equal("The template is missing.", SingleProblem(result, 2, "template").Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void UnknownTemplateIsNamedWithTheKnownOnes()
    {
        var result = ReadRows($"PhD,a1,{Josiah},,,,");

        Assert.Equal("There is no template 'PhD'. The templates are: masters, phd.", SingleProblem(result, 2, "template").Message);
    }

    [Fact]
    public void UnknownTemplateMessageNamesAtMostTenTemplates()
    {
        var templates = Enumerable.Range(10, 15).Select(n => $"t{n}").ToHashSet();

        var result = BatchCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\nt99,a1,{Josiah},,,,\n")), templates);

        Assert.Equal(
            "There is no template 't99'. The templates are: t10, t11, t12, t13, t14, t15, t16, t17, t18, t19 and 5 more.",
            SingleProblem(result, 2, "template").Message);
    }

    [Fact]
    public void TemplatesAreComparedExactlyWhateverTheCallersSetCompares()
    {
        var templates = new HashSet<string>(["phd"], StringComparer.OrdinalIgnoreCase);

        var result = BatchCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\nPHD,a1,{Josiah},,,,\n")), templates);

        SingleProblem(result, 2, "template");
    }

    [Fact]
    public void MissingExternalId()
    {
        var result = ReadRows($"phd,  ,{Josiah},,,,");

        Assert.Equal("The external ID is missing.", SingleProblem(result, 2, "external_id").Message);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-starts-with-hyphen")]
    [InlineData(".starts-with-dot")]
    [InlineData("accent-é")]
    [InlineData("slash/inside")]
    public void MalformedExternalId(string externalId)
    {
        var result = ReadRows($"phd,{externalId},{Josiah},,,,");

        var problem = SingleProblem(result, 2, "external_id");
        Assert.Contains($"'{externalId}'", problem.Message);
        Assert.Contains("letters, digits, dots, hyphens or underscores", problem.Message);
    }

    [Fact]
    public void ExternalIdOfAHundredCharactersIsTheLongestAllowed()
    {
        var result = ReadRows($"phd,{new string('a', 100)},{Josiah},,,,", $"phd,{new string('b', 101)},{Josiah},,,,");

        Assert.Equal(2, Assert.Single(result.Rows).Line);
        SingleProblem(result, 3, "external_id");
    }

    [Fact]
    public void NeitherOrcidNorEmailIsAProblemOnOrcid()
    {
        var result = ReadRows("phd,a1,,,2025-03-01,Josiah,Carberry");

        Assert.Contains("one of orcid or email is required", SingleProblem(result, 2, "orcid").Message);
    }

    [Theory]
    [InlineData("0000-0002-1825-0098", "check digit")]
    [InlineData("0000-0002-1825", "16 digits")]
    [InlineData("0000-0002-1825-009A", "only digits")]
    [InlineData("https://example.org/0000-0002-1825-0097", "16 digits")]
    public void InvalidOrcidIdSaysWhatIsWrong(string orcid, string explanation)
    {
        var result = ReadRows($"phd,a1,{orcid},,,,");

        var problem = SingleProblem(result, 2, "orcid");
        Assert.Contains($"'{orcid}'", problem.Message);
        Assert.Contains(explanation, problem.Message);
    }

    [Theory]
    [InlineData("josiah")]
    [InlineData("josiah@localhost")]
    [InlineData("josiah@example.")]
    [InlineData("josiah@@example.org")]
    [InlineData("Josiah <josiah@example.org>")]
    public void InvalidEmail(string email)
    {
        var result = ReadRows($"phd,a1,,{email},,,");

        var problem = SingleProblem(result, 2, "email");
        Assert.Equal($"'{email}' is not an email address; expected something like name@example.org.", problem.Message);
    }

    [Fact]
    public void InvalidEmailIsAProblemEvenWithAValidOrcid()
    {
        var result = ReadRows($"phd,a1,{Josiah},josiah,,,");

        SingleProblem(result, 2, "email");
    }

    [Theory]
    [InlineData("01/03/2025")]
    [InlineData("2025-3-1")]
    [InlineData("2025-02-30")]
    [InlineData("2025-03-01T09:00")]
    [InlineData("March 2025")]
    public void StartDateMustBeAnIsoDate(string startDate)
    {
        var result = ReadRows($"phd,a1,{Josiah},,{startDate},,");

        Assert.Equal(
            $"The start date '{startDate}' is not a date like 2025-03-01 (year-month-day).",
            SingleProblem(result, 2, "start_date").Message);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("1899-12-31")]
    public void StartDateMustBeInTheYearsOrcidAccepts(string startDate)
    {
        var result = ReadRows($"phd,a1,{Josiah},,{startDate},,");

        Assert.Equal(
            $"The start date '{startDate}' is out of range: ORCID accepts dates in the years 1900 to 2100.",
            SingleProblem(result, 2, "start_date").Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void NamesOfMoreThanAHundredCharactersAreProblems()
    {
        var hundred = new string('n', 100);
        var result = ReadRows(
            $"phd,a1,{Josiah},,,{hundred},{hundred}",
            $"phd,a2,{Josiah},,,{hundred}n,Carberry",
            $"phd,a3,{Josiah},,,Josiah,{hundred}n");

        Assert.Equal(2, Assert.Single(result.Rows).Line);
        Assert.Equal([(3, "given_names"), (4, "family_names")], result.Problems.Select(problem => (problem.Line, problem.Field)));
        Assert.Equal("The given names are 101 characters long; at most 100 are allowed.", result.Problems[0].Message);
    }

    [Fact]
    public void RowWithSeveralProblemsReportsEachOne()
    {
        var result = ReadRows("nope,bad id,0000-0002-1825-0098,josiah,yesterday,,");

        Assert.Equal(
            ["template", "external_id", "orcid", "email", "start_date"],
            result.Problems.Select(problem => problem.Field));
        Assert.All(result.Problems, problem => Assert.Equal(2, problem.Line));
        Assert.Empty(result.Rows);
        Assert.Equal(1, result.TotalRows);
    }

    [Fact]
    public void RepeatedExternalIdIsAProblemOnEveryLaterRowNamingTheFirstLine()
    {
        var result = ReadRows(
            $"phd,a1,{Josiah},,,,",
            $"phd,a2,{Josiah},,,,",
            $"masters,a1,0000-0001-5109-3700,,,,",
            $"phd,A1,{Josiah},,,,",
            $"phd, a1 ,{Josiah},,,,");

        Assert.Equal([2, 3, 5], result.Rows.Select(row => row.Line));
        Assert.Equal([(4, "external_id"), (6, "external_id")], result.Problems.Select(problem => (problem.Line, problem.Field)));
        Assert.All(result.Problems, problem =>
            Assert.Equal("The external ID 'a1' is already used on line 2; each row needs its own external ID.", problem.Message));
    }

    [Fact]
    public void AThousandRowsWithTwentyBadOnesGiveExactlyThoseTwentyProblems()
    {
        string[] orcids = [Josiah, "0000-0001-5109-3700", "0000-0002-1694-233X"];
        var badLines = Enumerable.Range(0, 20).Select(n => 2 + n * 50 + n % 7).ToHashSet();
        var csv = new StringBuilder(Header).Append('\n');
        for (var line = 2; line <= 1001; line++)
        {
            var orcid = badLines.Contains(line) ? "0000-0002-1825-0098" : orcids[line % 3];
            csv.Append($"phd,row-{line},{orcid},,2025-03-01,Given {line},Family\n");
        }

        var result = Read(csv.ToString());

        Assert.Equal(1000, result.TotalRows);
        Assert.Equal(980, result.Rows.Count);
        Assert.Equal(badLines.Order(), result.Problems.Select(problem => problem.Line));
        Assert.All(result.Problems, problem => Assert.Equal("orcid", problem.Field));
        Assert.DoesNotContain(result.Rows, row => badLines.Contains(row.Line));
        Assert.All(result.Rows, row => Assert.Equal($"row-{row.Line}", row.ExternalId));
    }

    [Fact]
    public void TenThousandRowsAreAccepted()
    {
        var result = Read(RowsOfRandomIds(BatchCsvReader.MaxRows));

        Assert.Empty(result.Problems);
        Assert.Equal(BatchCsvReader.MaxRows, result.Rows.Count);
    }

    [Fact]
    public void MoreThanTenThousandRowsIsOneProblemWithTheFileAndNoRows()
    {
        var csv = RowsOfRandomIds(BatchCsvReader.MaxRows + 1) + "phd,bad id,,,,,\n";

        var result = Read(csv);

        Assert.Equal(
            "The file has 10,002 rows, but at most 10,000 can be issued at once. Split it into several files.",
            SingleProblem(result, 1, "file").Message);
        Assert.Empty(result.Rows);
        Assert.Equal(10_002, result.TotalRows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    [InlineData(Header)]
    [InlineData(Header + "\r\n\r\n ,, ,,,,\r\n")]
    public void FileWithoutRowsIsAProblem(string csv)
    {
        var result = Read(csv);

        Assert.StartsWith("The file has no rows", SingleProblem(result, 1, "file").Message);
        Assert.Empty(result.Rows);
        Assert.Equal(0, result.TotalRows);
    }

    [Fact]
    public void BlankLinesAreSkippedAndLinesKeepTheirNumberInTheFile()
    {
        var result = Read($"{Header}\r\n\r\nphd,a1,{Josiah},,,,\r\n   \r\n,,,,,,\r\nphd,a2,nonsense,,,,\r\n");

        Assert.Equal(3, Assert.Single(result.Rows).Line);
        SingleProblem(result, 6, "orcid");
        Assert.Equal(2, result.TotalRows);
    }

    [Fact]
    public void FileWithAByteOrderMarkReadsTheSame()
    {
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\r\nphd,a1,{Josiah},,,Zoë,\r\n")).ToArray();

        var result = Read(withBom);

        Assert.Empty(result.Problems);
        Assert.Equal("Zoë", Assert.Single(result.Rows).GivenNames);
    }

    [Fact]
    public void QuotedValuesMayHoldCommasAndQuotes()
    {
        var result = ReadRows($"phd,a1,{Josiah},,,\"Josiah \"\"Joe\"\"\",\"Carberry, Jr.\"");

        Assert.Empty(result.Problems);
        var row = Assert.Single(result.Rows);
        Assert.Equal(("Josiah \"Joe\"", "Carberry, Jr."), (row.GivenNames, row.FamilyNames));
    }

    [Theory]
    [InlineData("phd,a1,0000-0002-1825-0097,,,Josiah,Carberry,extra", 8)]
    [InlineData("phd,a1,0000-0002-1825-0097,,,Josiah Carberry", 6)]
    [InlineData("phd,a1,0000-0002-1825-0097,,,Carberry, Jr.,", 8)]
    public void RowWithTheWrongNumberOfValuesIsAProblemForItsLine(string row, int values)
    {
        var result = ReadRows($"phd,ok1,{Josiah},,,,", row, $"phd,ok2,{Josiah},,,,");

        Assert.Equal(
            $"This line has {values} values but the header has 7 columns. Check for a missing or extra comma; a value that contains a comma must be wrapped in double quotes.",
            SingleProblem(result, 3, "row").Message);
        Assert.Equal([2, 4], result.Rows.Select(row => row.Line));
    }

    [Theory]
    [InlineData("phd,a1,0000-0002-1825-0097,,,\"Josiah,Carberry", "not closed on the same line")]
    [InlineData("phd,a1,0000-0002-1825-0097,,,Jo\"siah,Carberry", "inside a value that does not start with one")]
    [InlineData("phd,a1,0000-0002-1825-0097,,,\"Josiah\" Joe,Carberry", "text after the closing double quote")]
    public void MalformedQuotingIsAProblemForItsLineAndTheNextLinesStillRead(string row, string explanation)
    {
        var result = ReadRows($"phd,ok1,{Josiah},,,,", row, $"phd,ok2,{Josiah},,,,", $"phd,ok3,{Josiah},,,,");

        Assert.Contains(explanation, SingleProblem(result, 3, "row").Message);
        Assert.Equal([2, 4, 5], result.Rows.Select(row => row.Line));
        Assert.Equal(4, result.TotalRows);
    }

    [Fact]
    public void MalformedQuotingInTheHeaderIsAHeaderProblem()
    {
        var result = Read($"template,\"external_id,orcid\nphd,a1,{Josiah}\n");

        Assert.Contains(result.Problems, problem => problem is { Line: 1, Field: "row" } && problem.Message.Contains("not closed"));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void LineThatIsNotUtf8IsAProblemForItsLine()
    {
        // "Zoë" as a spreadsheet saves it in Windows-1252.
        var latin1 = Encoding.UTF8.GetBytes($"{Header}\nphd,a1,{Josiah},,,Zo")
            .Append((byte)0xEB)
            .Concat(Encoding.UTF8.GetBytes($",\nphd,a2,{Josiah},,,,\n"))
            .ToArray();

        var result = Read(latin1);

        Assert.Contains("CSV UTF-8", SingleProblem(result, 2, "row").Message);
        Assert.Equal(3, Assert.Single(result.Rows).Line);
    }

    [Fact]
    public void HugeLineIsAProblemInsteadOfAnException()
    {
        // CsvHelper checks the size when it needs more input, so a line a little over the limit may still be read: go well over.
        var result = ReadRows($"phd,a1,{Josiah},,,,", $"phd,a2,{Josiah},,,{new string('x', 1_000_000)},", $"phd,a3,{Josiah},,,,");

        Assert.Contains("longer than 64 KB", SingleProblem(result, 3, "row").Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void ResultCountsRowsFromItsProblemsWhenBuiltWithoutATotal()
    {
        var row = new BatchRow(2, "phd", "a1", Josiah, null, null, null, null);
        BatchProblem[] problems = [new(3, "orcid", "x"), new(3, "email", "y"), new(5, "template", "z")];

        Assert.Equal(3, new BatchParseResult([row], problems).TotalRows);
    }

    static string RowsOfRandomIds(int count)
    {
        var csv = new StringBuilder("template,external_id,orcid\n");
        for (var n = 0; n < count; n++)
        {
            csv.Append($"phd,id-{n},{OrcidId.NewRandom()}\n");
        }
        return csv.ToString();
    }
}

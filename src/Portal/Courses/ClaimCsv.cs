using CsvHelper;
using Consortium.Grains.Common;
using Consortium.Grains.Courses;

namespace Consortium.Portal.Courses;

/// <summary>Claims as a CSV file: read with every problem named by line and field, so a platform's export is fixed in one go;
/// answered with one claim link per row.</summary>
public static class ClaimCsv
{
    public const int MaxRows = 10_000;

    public static readonly string[] Columns =
        ["template", "external_id", "email", "given_names", "family_names", "lms_user_id", "course_id", "course_name", "completed_at"];

    private static readonly string[] ResultHeader = ["line", "external_id", "claim_url", "expires_at", "status"];

    public sealed record Row(int Line, NewClaim Claim);

    public sealed record Problem(int Line, string Field, string Message);

    /// <param name="csv">UTF-8, comma separated, header first (the <see cref="Columns"/>, in any order). Left open.</param>
    public static (IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems) Read(Stream csv, IReadOnlySet<string> knownTemplateIds)
    {
        var rows = new List<Row>();
        var problems = new List<Problem>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',', HasHeader = true, TrimWhitespace = true, TrimInsideQuotes = true, SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false, TrackLineNumbers = true, MaxRecordSize = 64 * 1024,
        };
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var missing in new[] { "template", "external_id", "course_id" }.Where(c => !header.Contains(c)))
        {
            problems.Add(new Problem(1, missing, $"The header has no '{missing}' column; the columns are {string.Join(",", Columns)}."));
        }
        foreach (var unknown in header.Where(h => !Columns.Contains(h)))
        {
            problems.Add(new Problem(1, unknown, $"'{unknown}' is not a column; the columns are {string.Join(",", Columns)}."));
        }
        if (problems.Count > 0)
        {
            return (rows, problems);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            string? Value(string column) => header.IndexOf(column) is var index and >= 0 && index < reader.FieldCount
                && reader.GetString(index) is { Length: > 0 } value ? value : null;
            if (rows.Count + problems.Count >= MaxRows)
            {
                problems.Add(new Problem(line, "row", $"The file has more than {MaxRows} rows; split it into smaller files."));
                break;
            }
            try
            {
                var claim = new NewClaim(Value("template") ?? "", Value("external_id") ?? "",
                    new Learner(Value("email"), Value("given_names"), Value("family_names"), Value("lms_user_id")),
                    new Course(Value("course_id") ?? "", Value("course_name")), CompletionDate.Parse("completed_at", Value("completed_at"))).Validated();
                if (!knownTemplateIds.Contains(claim.TemplateId))
                {
                    throw new InvalidFieldException("template", $"There is no template '{claim.TemplateId}'. Create it under Templates first.");
                }
                if (!seen.TryAdd(claim.ExternalId, line))
                {
                    throw new InvalidFieldException("external_id", $"The external id '{claim.ExternalId}' is already used on line {seen[claim.ExternalId]}.");
                }
                rows.Add(new Row(line, claim));
            }
            catch (InvalidFieldException invalid)
            {
                problems.Add(new Problem(line, ColumnOf(invalid.Field), invalid.Message));
            }
        }
        return (rows, problems);
    }

    /// <returns>UTF-8 CSV: <c>line,external_id,claim_url,expires_at,status</c>, status <c>created</c> or <c>existing</c>.</returns>
    public static byte[] Write(IEnumerable<(int Line, ClaimService.CreatedClaim Created)> results)
    {
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = false, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            writer.WriteHeader(ResultHeader);
            foreach (var (line, created) in results)
            {
                writer.WriteField(line, default);
                writer.WriteField(created.Claim.ExternalId);
                writer.WriteField(created.ClaimUrl.AbsoluteUri);
                writer.WriteField(created.Claim.ExpiresAt.ToString("O"));
                writer.WriteField(created.Created ? "created" : "existing");
                writer.EndRecord();
            }
        }
        return output.ToArray();
    }

    /// <summary>The column a request field comes from: <c>learner.email</c> is <c>email</c>.</summary>
    private static string ColumnOf(string field) => field switch
    {
        "templateId" => "template",
        "externalId" => "external_id",
        "learner.email" => "email",
        "learner.givenNames" => "given_names",
        "learner.familyNames" => "family_names",
        "learner.lmsUserId" => "lms_user_id",
        "course.id" => "course_id",
        "course.name" => "course_name",
        _ => field,
    };
}

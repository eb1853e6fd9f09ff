using System.Text.Unicode;
using CsvHelper;

namespace Consortium.Portal.Issuing;

/// <summary>Reads an issuing CSV for a dry run: every row is checked and every problem reported with its line,
/// so the member admin can fix the file in one go. Nothing in the file makes it throw.</summary>
public static class BatchCsvReader
{
    public const int MaxRows = 10_000;

    /// <summary>Far longer than any valid row; a longer line is a broken or hostile file, not a row to check.</summary>
    const int MaxLineBytes = 64 * 1024;

    /// <param name="csv">UTF-8, with or without a byte order mark, comma separated, header first. Left open.</param>
    /// <param name="knownTemplateIds">The organisation's template ids, matched exactly.</param>
    public static BatchParseResult Read(Stream csv, IReadOnlySet<string> knownTemplateIds)
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = CsvReaderOptions.Default with
        {
            // Fixed, not detected: a detected separator could turn a broken file into a different valid one.
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            SkipEmptyLines = true,
            // No value of this file spans lines, and with this off an unclosed quote spoils its own line only,
            // instead of swallowing the rest of the file; it also makes every record one line of the file.
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed.TryAdd(record.LineNumber, record.Reason),
            MaxRecordSize = MaxLineBytes,
        };

        var rows = new List<BatchRow>();
        var rejected = new Dictionary<int, RejectedRow>();
        var problems = new List<BatchProblem>();
        var totalRows = 0;
        var trustRows = false;
        var readToEnd = false;
        try
        {
            using var reader = CsvReader.Create(csv, options, leaveOpen: true);
            reader.ReadHeader();
            if (reader.Headers.Count == 0)
            {
                return NoRows(problems);
            }
            var header = BatchHeader.Parse(reader.Headers);
            problems.AddRange(header.Problems);
            if (malformed.Remove(reader.LineNumber, out var headerReason))
            {
                problems.Add(new BatchProblem(1, BatchProblem.RowField, $"The header line {Describe(headerReason)}"));
            }
            trustRows = problems.Count == 0;
            var validator = new BatchRowValidator(knownTemplateIds);
            var firstLineOfExternalId = new Dictionary<string, int>(StringComparer.Ordinal);

            while (reader.Read())
            {
                var line = (int)Math.Min(reader.LineNumber, int.MaxValue);
                var fields = Fields(reader);
                var reason = malformed.Remove(reader.LineNumber, out var found) ? found : (CsvMalformedReason?)null;
                // A spreadsheet's empty rows come out as ",,,,": blank, like an empty line.
                if (reason is null && fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                totalRows++;
                // Under a wrong header or past the limit, rows are only counted, so the message can say how many there are.
                if (!trustRows || totalRows > MaxRows)
                {
                    continue;
                }
                if (LineProblem(reason, reader, fields.Length, header.FieldCount) is { } lineProblem)
                {
                    problems.Add(new BatchProblem(line, BatchProblem.RowField, lineProblem));
                    continue;
                }
                var row = validator.Validate(line, header, fields, problems);
                var externalId = header.Value(fields, BatchColumns.ExternalId);
                if (externalId is not null && !firstLineOfExternalId.TryAdd(externalId, line))
                {
                    problems.Add(new BatchProblem(line, BatchColumns.ExternalId,
                        $"The external ID '{BatchRowValidator.Shown(externalId)}' is already used on line {firstLineOfExternalId[externalId]}; each row needs its own external ID."));
                    row = null;
                }
                if (row is not null)
                {
                    rows.Add(row);
                }
                else
                {
                    rejected[line] = new RejectedRow(line, externalId, header.Value(fields, BatchColumns.Orcid), header.Value(fields, BatchColumns.Email));
                }
            }
            readToEnd = true;
        }
        catch (CsvFormatException exception)
        {
            // Only MaxRecordSize throws here (quoting problems are recovered), and the reader cannot go on after it.
            // CsvHelper checks it when it needs more input, so a line somewhat over the limit may be read and checked as usual.
            problems.Add(new BatchProblem((int)Math.Clamp(exception.LineNumber, 1, int.MaxValue), BatchProblem.RowField,
                $"This line is longer than {MaxLineBytes / 1024} KB, far longer than any row of an issuing file, so the file was not read further. Check that it is the right file, saved as CSV."));
        }

        if (!readToEnd)
        {
            return new BatchParseResult([], Ordered(problems), totalRows);
        }
        if (totalRows > MaxRows)
        {
            problems.RemoveAll(problem => problem.Line > 1);
            problems.Add(new BatchProblem(1, BatchProblem.FileField,
                $"The file has {totalRows:N0} rows, but at most {MaxRows:N0} can be issued at once. Split it into several files."));
            return new BatchParseResult([], Ordered(problems), totalRows);
        }
        if (totalRows == 0)
        {
            return NoRows(problems);
        }
        return new BatchParseResult(trustRows ? rows : [], Ordered(problems), totalRows) { Rejected = rejected };
    }

    /// <summary>Why a line cannot be read as a row at all, so that checking its values would only add confusing problems.</summary>
    static string? LineProblem(CsvMalformedReason? reason, CsvReader reader, int values, int columns)
    {
        if (reason is { } malformedReason)
        {
            return $"This line {Describe(malformedReason)}";
        }
        if (!Utf8.IsValid(reader.RawRecord))
        {
            return "This line has characters that are not UTF-8, so accented letters would be garbled. Save the file as \"CSV UTF-8\" and upload it again.";
        }
        return values == columns
            ? null
            : $"This line has {values} values but the header has {columns} columns. Check for a missing or extra comma; a value that contains a comma must be wrapped in double quotes.";
    }

    static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote =>
            "has a double quote (\") inside a value that does not start with one. Wrap the whole value in double quotes and write the quote inside it twice (\"\").",
        CsvMalformedReason.TextAfterClosingQuote =>
            "has text after the closing double quote of a value. Wrap the whole value in double quotes and write any quote inside it twice (\"\").",
        CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote =>
            "opens a double quote (\") that is not closed on the same line. Close the quote; a value cannot span several lines.",
        _ => "could not be read as CSV values. Check its commas and double quotes.",
    };

    static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var index = 0; index < fields.Length; index++)
        {
            fields[index] = reader.GetString(index);
        }
        return fields;
    }

    static BatchParseResult NoRows(List<BatchProblem> problems)
    {
        problems.Add(new BatchProblem(1, BatchProblem.FileField, "The file has no rows: after the header line, add one row per qualification to issue."));
        return new BatchParseResult([], Ordered(problems), 0);
    }

    static List<BatchProblem> Ordered(List<BatchProblem> problems) => [.. problems.OrderBy(problem => problem.Line)];
}

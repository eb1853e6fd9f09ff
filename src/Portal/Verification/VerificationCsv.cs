using CsvHelper;
using Consortium.Grains.Common;
using Consortium.Portal.Services;

namespace Consortium.Portal.Verification;

/// <summary>The Verify tab's CSV files: the uploaded one, whose <c>orcid</c> column lists the iDs to verify (other columns are
/// ignored, so a spreadsheet export of people can be used as it is), and the result, one line per iD.</summary>
public static class VerificationCsv
{
    public const string OrcidColumn = "orcid";

    /// <summary>Larger than any file of <see cref="BatchVerification.MaxOrcids"/> iDs with a few columns beside them.</summary>
    public const long MaxUploadBytes = 1024 * 1024;

    static readonly string[] Header = ["orcid", "decision", "reason"];

    static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = false,
        // Opened in a spreadsheet, and the iD column holds what was uploaded: no value may run as a formula.
        Injection = CsvInjection.Escape,
    };

    /// <param name="csv">UTF-8, comma separated, header first. Left open.</param>
    /// <returns>The values of the <c>orcid</c> column in file order, blank ones skipped; each is checked when verified.</returns>
    /// <exception cref="InvalidFieldException">Field <c>file</c>: no <c>orcid</c> column, no iDs, or more than <see cref="BatchVerification.MaxOrcids"/>.</exception>
    public static IReadOnlyList<string> ReadOrcids(Stream csv)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        reader.ReadHeader();
        var column = reader.Headers.ToList().FindIndex(h => string.Equals(h.Trim().TrimStart('\uFEFF'), OrcidColumn, StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            throw new InvalidFieldException("file", $"The file has no '{OrcidColumn}' column: its first line must name the columns, one of them {OrcidColumn}.");
        }
        var orcids = new List<string>();
        while (reader.Read())
        {
            if (column < reader.FieldCount && reader.GetString(column) is { Length: > 0 } orcid)
            {
                orcids.Add(orcid);
            }
        }
        return orcids.Count switch
        {
            0 => throw new InvalidFieldException("file", "The file has no iDs: after the header line, put one iD a line in the orcid column."),
            > BatchVerification.MaxOrcids => throw new InvalidFieldException("file",
                $"The file has {orcids.Count:N0} iDs, but at most {BatchVerification.MaxOrcids:N0} can be verified at once. Split it into several files."),
            _ => orcids,
        };
    }

    /// <returns>UTF-8 CSV without a byte order mark: <c>orcid,decision,reason</c>; an iD that could not be verified has no
    /// decision and its reason says why.</returns>
    public static byte[] Write(IEnumerable<BatchVerificationEntry> entries)
    {
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, WriterOptions, leaveOpen: true))
        {
            writer.WriteHeader(Header);
            foreach (var entry in entries)
            {
                writer.WriteField(entry.Orcid);
                writer.WriteField(entry.Decision?.ToString().ToLowerInvariant() ?? "");
                writer.WriteField(entry.Reason ?? entry.Error);
                writer.EndRecord();
            }
        }
        return output.ToArray();
    }
}

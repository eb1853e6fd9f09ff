using CsvHelper;

namespace Consortium.Portal.Issuing;

/// <summary>Writes the result CSV of an issuing batch, one line per row of the uploaded file.</summary>
public static class BatchCsvWriter
{
    static readonly string[] Header = ["line", "external_id", "orcid", "email", "status", "put_code", "error"];

    static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = false,
        // Admins open this file in a spreadsheet, and errors quote ORCID's messages and the uploaded values:
        // text starting with = + - @ gets a leading apostrophe so it shows as text instead of running as a formula.
        Injection = CsvInjection.Escape,
    };

    /// <returns>UTF-8 CSV without a byte order mark: <c>line,external_id,orcid,email,status,put_code,error</c>.</returns>
    public static byte[] Write(IEnumerable<BatchRowOutcome> outcomes)
    {
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, Options, leaveOpen: true))
        {
            writer.WriteHeader(Header);
            foreach (var outcome in outcomes)
            {
                writer.WriteField(outcome.Line, default);
                writer.WriteField(outcome.ExternalId);
                writer.WriteField(outcome.Orcid);
                writer.WriteField(outcome.Email);
                writer.WriteField(outcome.Status);
                writer.WriteField(outcome.PutCode, default);
                writer.WriteField(outcome.Error);
                writer.EndRecord();
            }
        }
        return output.ToArray();
    }
}

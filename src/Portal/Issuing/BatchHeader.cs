namespace Consortium.Portal.Issuing;

/// <summary>Which documented column each position of an issuing CSV holds, and what is wrong with the header.</summary>
internal sealed class BatchHeader
{
    static readonly string AllowedColumns = string.Join(", ", BatchColumns.All);
    static readonly string RequiredColumns =
        $"{BatchColumns.Template}, {BatchColumns.ExternalId}, and {BatchColumns.Orcid} or {BatchColumns.Email} (or both)";

    readonly Dictionary<string, int> indexByColumn;

    BatchHeader(int fieldCount, Dictionary<string, int> indexByColumn, IReadOnlyList<BatchProblem> problems)
    {
        FieldCount = fieldCount;
        this.indexByColumn = indexByColumn;
        Problems = problems;
    }

    /// <summary>How many values every row must have.</summary>
    public int FieldCount { get; }

    /// <summary>Problems with the header, all on line 1; when there are any, no row can be trusted.</summary>
    public IReadOnlyList<BatchProblem> Problems { get; }

    /// <param name="names">The header's fields, as written.</param>
    public static BatchHeader Parse(IReadOnlyList<string> names)
    {
        var indexByColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<BatchProblem>();
        for (var index = 0; index < names.Count; index++)
        {
            var name = names[index].Trim();
            var column = BatchColumns.Match(name);
            if (column is null)
            {
                problems.Add(new BatchProblem(1, name, Unrecognised(name, index)));
            }
            else if (indexByColumn.TryGetValue(column, out var first))
            {
                problems.Add(new BatchProblem(1, name,
                    $"The column '{name}' is the same as column {first + 1} ('{names[first].Trim()}'); each column can appear only once."));
            }
            else
            {
                indexByColumn[column] = index;
            }
        }
        foreach (var required in new[] { BatchColumns.Template, BatchColumns.ExternalId })
        {
            if (!indexByColumn.ContainsKey(required))
            {
                problems.Add(new BatchProblem(1, required, $"The file has no {required} column. It needs the columns {RequiredColumns}."));
            }
        }
        if (!indexByColumn.ContainsKey(BatchColumns.Orcid) && !indexByColumn.ContainsKey(BatchColumns.Email))
        {
            problems.Add(new BatchProblem(1, BatchColumns.Orcid,
                $"The file has neither an {BatchColumns.Orcid} nor an {BatchColumns.Email} column: it needs one of them, or both, to say whose ORCID record each row is for."));
        }
        return new BatchHeader(names.Count, indexByColumn, problems);
    }

    /// <summary>The trimmed value of <paramref name="column"/> in a row, or null when the file has no such column or the value is empty.</summary>
    public string? Value(IReadOnlyList<string> fields, string column)
    {
        if (!indexByColumn.TryGetValue(column, out var index))
        {
            return null;
        }
        var value = fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    static string Unrecognised(string name, int index)
    {
        if (name.Length == 0)
        {
            return $"Column {index + 1} has no name. Give it one of these names, or delete the column: {AllowedColumns}.";
        }
        // A spreadsheet saved with a regional list separator gives one long header such as "template;external_id;orcid".
        var separatorHint = name.Contains(';') || name.Contains('\t')
            ? " The file seems to separate values with semicolons or tabs; save it as CSV with commas."
            : "";
        return $"The column '{name}' is not one of the columns an issuing file can have: {AllowedColumns}.{separatorHint}";
    }
}

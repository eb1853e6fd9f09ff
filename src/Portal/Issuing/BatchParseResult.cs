namespace Consortium.Portal.Issuing;

/// <summary>The dry run of an issuing CSV: the rows that can be issued and what is wrong with the others.</summary>
/// <param name="Rows">The valid rows, in file order.</param>
/// <param name="Problems">Every problem found, ordered by line.</param>
public sealed record BatchParseResult(IReadOnlyList<BatchRow> Rows, IReadOnlyList<BatchProblem> Problems)
{
    /// <param name="totalRows">The data rows the file holds, counted by the reader (see <see cref="TotalRows"/>).</param>
    public BatchParseResult(IReadOnlyList<BatchRow> rows, IReadOnlyList<BatchProblem> problems, int totalRows)
        : this(rows, problems) => TotalRows = totalRows;

    /// <summary>The rows read but not valid, by line, with the values that name them.</summary>
    public IReadOnlyDictionary<int, RejectedRow> Rejected { get; init; } = new Dictionary<int, RejectedRow>();

    /// <summary>What names the row on <paramref name="line"/> that had problems; only its line when it could not be read.</summary>
    public RejectedRow RejectedOn(int line) => Rejected.TryGetValue(line, out var row) ? row : new RejectedRow(line, null, null, null);

    /// <summary>The data rows in the file, valid or not; the header and blank lines do not count.</summary>
    /// <remarks>Without a count from the reader it is the valid rows plus the lines with problems, which is the same
    /// unless the header is wrong: then no row is checked, yet the reader still counts them.</remarks>
    public int TotalRows { get; } = Rows.Count + Problems.Where(p => p.Line > 1).Select(p => p.Line).Distinct().Count();
}

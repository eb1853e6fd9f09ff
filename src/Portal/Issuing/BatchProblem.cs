namespace Consortium.Portal.Issuing;

/// <summary>Something wrong with one row of an issuing CSV, or with its header (line 1), worded for the member admin.</summary>
/// <param name="Field">The documented column name (<see cref="BatchColumns"/>), the header text as written for a header
/// problem, <see cref="RowField"/> for a line that cannot be read as a row, or <see cref="FileField"/> for the whole file.</param>
public sealed record BatchProblem(int Line, string Field, string Message)
{
    /// <summary>The problem is the line itself (bad quoting, wrong number of values), not one of its values.</summary>
    public const string RowField = "row";

    /// <summary>The problem is the file as a whole (no rows, too many rows).</summary>
    public const string FileField = "file";
}

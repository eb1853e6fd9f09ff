using Consortium.Orcid;

namespace Consortium.Portal.Issuing;

/// <summary>What a CSV upload found (dry run) or did (apply): every problem by line and field, and each row's outcome.</summary>
/// <param name="BatchId">Set once applied: the result CSV can be downloaded by it later.</param>
public sealed record BatchReport(
    string? BatchId,
    OrcidEnvironment Environment,
    bool DryRun,
    int TotalRows,
    int ValidRows,
    IReadOnlyList<BatchProblem> Problems,
    IReadOnlyList<BatchRowOutcome> Rows);

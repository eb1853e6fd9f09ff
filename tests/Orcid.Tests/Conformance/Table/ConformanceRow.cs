using System.Net;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>One ORCID rule as a row: what is sent, what ORCID answers (status and, for ORCID errors, its error code), and the
/// ORCID source file the rule was read in. <see cref="NeedsSimulator"/> marks rows that arrange the record with the simulator's
/// <c>/_sim</c> controls (a locked record, a limited item), which the real sandbox cannot do from a test.</summary>
public sealed record ConformanceRow(
    string Name,
    string OrcidSource,
    Func<ConformanceContext, Task<HttpResponseMessage>> Send,
    HttpStatusCode Status,
    int? ErrorCode = null,
    bool NeedsSimulator = false)
{
    public override string ToString() => Name;
}

/// <summary>A group of rows, one file per area (validation, record states, webhooks...); <see cref="ConformanceTable"/> finds
/// every implementation, so adding rows never touches the runner.</summary>
public interface IConformanceRows
{
    IEnumerable<ConformanceRow> Rows { get; }
}

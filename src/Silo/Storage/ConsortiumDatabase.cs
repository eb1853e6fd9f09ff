using System.Data.Common;

namespace Consortium.Silo.Storage;

/// <summary>The database this process keeps its state in, for health checks and the portal's status page.</summary>
/// <param name="Description">Where the data is, for people: a file path or host and database, never a password.</param>
public sealed record ConsortiumDatabase(string Kind, string Description, DbDataSource DataSource);

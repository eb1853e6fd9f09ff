namespace Consortium.Silo.Storage;

/// <summary>ADO.NET invariants Orleans selects its queries and provider factory by.</summary>
public static class AdoNetInvariants
{
    /// <summary>Orleans maps this invariant to Microsoft.Data.Sqlite; "Microsoft.Data.Sqlite" itself fails at start.</summary>
    public const string Sqlite = "System.Data.SQLite";

    public const string Postgres = "Npgsql";
}

namespace Consortium.Silo.Storage;

/// <summary>One schema script from <c>deploy/sql</c>, embedded in this assembly. Append new scripts at the end: order is history.</summary>
public sealed record SqlScript(string Name, string Text)
{
    public static IReadOnlyList<SqlScript> Sqlite { get; } = Load(
        "sqlite", "Sqlite-Main.sql", "Sqlite-Persistence.sql", "Sqlite-Reminders.sql", "Consortium-Audit.sql",
        "Consortium-DataProtection.sql", "Consortium-Issuing.sql", "Consortium-EmailOutbox.sql", "Consortium-IssuingSearch.sql", "Consortium-Courses.sql");

    public static IReadOnlyList<SqlScript> Postgres { get; } = Load(
        "postgresql", "PostgreSQL-Main.sql", "PostgreSQL-Clustering.sql", "PostgreSQL-Persistence.sql", "PostgreSQL-Reminders.sql",
        "Consortium-Audit.sql", "Consortium-DataProtection.sql", "Consortium-Issuing.sql", "Consortium-EmailOutbox.sql", "Consortium-IssuingSearch.sql", "Consortium-Courses.sql");

    private static SqlScript[] Load(string folder, params string[] namesInOrder) =>
        [.. namesInOrder.Select(name => new SqlScript(name, ReadResource($"sql/{folder}/{name}")))];

    private static string ReadResource(string resourceName)
    {
        using var stream = typeof(SqlScript).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The SQL script '{resourceName}' is not embedded in {typeof(SqlScript).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

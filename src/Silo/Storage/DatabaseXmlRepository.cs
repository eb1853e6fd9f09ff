using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Consortium.Silo.Storage;

/// <summary>
/// Keeps Data Protection's key ring in the installation's database, so every silo and portal encrypts and
/// decrypts with the same keys and a restart loses none. Data Protection calls this rarely (at start and when
/// the ring refreshes) and synchronously; the first call in a silo waits for the schema (<see cref="OnceMigration"/>), as Data
/// Protection reads the ring at host start, before the silo's own start has migrated a new database.
/// </summary>
public sealed class DatabaseXmlRepository(ConsortiumDatabase database, OnceMigration? schema) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureSchema();
        using var connection = database.DataSource.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM consortium_data_protection_keys";
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureSchema();
        using var connection = database.DataSource.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO consortium_data_protection_keys (friendly_name, xml) VALUES (@name, @xml)";
        var name = command.CreateParameter();
        (name.ParameterName, name.Value) = ("name", friendlyName);
        var xml = command.CreateParameter();
        (xml.ParameterName, xml.Value) = ("xml", element.ToString(SaveOptions.DisableFormatting));
        command.Parameters.Add(name);
        command.Parameters.Add(xml);
        command.ExecuteNonQuery();
    }

    // Data Protection's repository API is synchronous; this runs on the host's start, not on a grain's thread.
    private void EnsureSchema() => schema?.RunAsync().GetAwaiter().GetResult();
}

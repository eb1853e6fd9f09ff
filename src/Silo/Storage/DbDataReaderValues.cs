using System.Data.Common;

namespace Consortium.Silo.Storage;

public static class DbDataReaderValues
{
    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

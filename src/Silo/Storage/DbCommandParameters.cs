using System.Data;
using System.Data.Common;

namespace Consortium.Silo.Storage;

public static class DbCommandParameters
{
    /// <summary>Adds a named parameter; a null is sent as a typed null (PostgreSQL cannot infer the type of a bare null).</summary>
    public static DbCommand With(this DbCommand command, string name, object? value, DbType type = DbType.String)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null or string)
        {
            parameter.DbType = type;
        }
        command.Parameters.Add(parameter);
        return command;
    }
}

namespace Consortium.Grains.Common;

/// <summary>Something with this identifier exists already; nothing was changed.</summary>
[GenerateSerializer, Alias("AlreadyExistsException")]
public sealed class AlreadyExistsException(string field, string message) : Exception(message)
{
    /// <summary>The request field that holds the taken identifier.</summary>
    [Id(0)] public string Field { get; } = field;
}

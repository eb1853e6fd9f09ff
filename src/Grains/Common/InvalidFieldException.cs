namespace Consortium.Grains.Common;

/// <summary>A field of a request is malformed; <see cref="Field"/> names it for the form or the problem details.</summary>
[GenerateSerializer, Alias("InvalidFieldException")]
public sealed class InvalidFieldException(string field, string message) : Exception(message)
{
    [Id(0)] public string Field { get; } = field;
}

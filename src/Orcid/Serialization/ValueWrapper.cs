namespace Consortium.Orcid.Serialization;

/// <summary>ORCID's JSON wraps many scalars: <c>{"value": ...}</c>.</summary>
internal sealed record ValueWrapper<T>(T Value);

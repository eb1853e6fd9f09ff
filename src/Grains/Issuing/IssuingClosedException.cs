namespace Consortium.Grains.Issuing;

/// <summary>The tenant may not issue in this environment yet (production before the launch review is approved).</summary>
[GenerateSerializer, Alias("IssuingClosedException")]
public sealed class IssuingClosedException(string message) : Exception(message);

namespace Consortium.Grains.Common;

/// <summary>Nothing with this identifier exists (or the caller may not know that it does).</summary>
[GenerateSerializer, Alias("NotFoundException")]
public sealed class NotFoundException(string message) : Exception(message);

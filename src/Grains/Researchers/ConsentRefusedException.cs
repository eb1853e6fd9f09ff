namespace Consortium.Grains.Researchers;

/// <summary>The consent could not be completed; the message says why and what to do, for the researcher to read.</summary>
[GenerateSerializer, Alias("ConsentRefusedException")]
public sealed class ConsentRefusedException(string message) : Exception(message);

namespace Consortium.Grains.Badges.DataIntegrity;

/// <summary>A proof that is not a well-formed eddsa-rdfc-2022 proof; the message names the field.</summary>
public class MalformedProofException(string message) : Exception(message);

/// <summary>A proof of another kind or cryptosuite than eddsa-rdfc-2022.</summary>
public sealed class UnsupportedProofException(string kind) : MalformedProofException($"The credential's proof is {kind}; only DataIntegrityProof with eddsa-rdfc-2022 is verified here.");

namespace Consortium.Grains.Badges.DataIntegrity;

/// <summary>What an eddsa-rdfc-2022 proof claims: its key, its purpose and its signature.</summary>
public sealed record DataIntegrityProof(string VerificationMethod, string ProofPurpose, byte[] Signature);

using System.Text.Json.Nodes;

namespace Consortium.Tests;

/// <summary>The ways the tests alter a credential after it was signed with a Data Integrity proof; each must break the proof.</summary>
public static class ProofTampering
{
    public const string ChangedName = "a changed achievement name";
    public const string ChangedProofValue = "a changed proofValue";
    public const string RemovedProofField = "a removed proof field";
    public const string AddedType = "an added subject type";

    public static IReadOnlyList<string> All => [ChangedName, ChangedProofValue, RemovedProofField, AddedType];

    public static void Apply(JsonObject signed, string tampering)
    {
        var proof = signed["proof"]!.AsObject();
        switch (tampering)
        {
            case ChangedName:
                signed["credentialSubject"]!["achievement"]!["name"] = "Teamwork (altered)";
                break;
            case ChangedProofValue:
                // One base58 digit of the signature: still 64 bytes, no longer the signature.
                var value = proof["proofValue"]!.GetValue<string>();
                proof["proofValue"] = value[..^2] + (value[^2] == 'A' ? "B" : "A") + value[^1];
                break;
            case RemovedProofField:
                proof.Remove("created");
                break;
            case AddedType:
                signed["credentialSubject"]!["type"]!.AsArray().Add("https://example.org/Extra");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, "Not one of ProofTampering.All.");
        }
    }
}

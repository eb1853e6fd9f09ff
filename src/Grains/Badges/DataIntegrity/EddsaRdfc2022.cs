using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges.Rdf;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Consortium.Grains.Badges.DataIntegrity;

/// <summary>
/// The <c>eddsa-rdfc-2022</c> cryptosuite (W3C Data Integrity EdDSA Cryptosuites v1.0, Recommendation 2025-05-15, section 3.3):
/// the document without its proof and the proof without its <c>proofValue</c> are each canonicalised (RDFC-1.0 over JSON-LD,
/// <see cref="JsonLdCanonicalizer"/>) and hashed with SHA-256; the proof configuration's hash, then the document's, are signed
/// with Ed25519 (RFC 8032, BouncyCastle); <c>proofValue</c> is that signature in multibase base58btc.
/// </summary>
public static class EddsaRdfc2022
{
    public const string ProofType = "DataIntegrityProof";
    public const string Cryptosuite = "eddsa-rdfc-2022";

    /// <summary>3.3.1 Create Proof: the document with a <c>proof</c> by <paramref name="verificationMethod"/> for <c>assertionMethod</c>.</summary>
    /// <param name="privateKey">The 32-byte Ed25519 seed.</param>
    /// <exception cref="RdfCanonicalizationException">The document is not JSON-LD this processor reads.</exception>
    public static JsonObject Sign(JsonObject unsecured, ReadOnlySpan<byte> privateKey, string verificationMethod, DateTimeOffset created)
    {
        var proof = new JsonObject
        {
            ["type"] = ProofType,
            ["cryptosuite"] = Cryptosuite,
            ["created"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["verificationMethod"] = verificationMethod,
            ["proofPurpose"] = "assertionMethod",
        };
        var document = (JsonObject)unsecured.DeepClone();
        document.Remove("proof");
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(privateKey));
        var data = HashData(document, proof);
        signer.BlockUpdate(data, 0, data.Length);
        proof["proofValue"] = "z" + Base58Btc.Encode(signer.GenerateSignature());
        document["proof"] = proof;
        return document;
    }

    /// <summary>3.3.2 Verify Proof, after the caller has found the key of <see cref="ReadProof"/>'s verification method.</summary>
    /// <returns>Whether the signature holds for this document and proof.</returns>
    /// <exception cref="RdfCanonicalizationException">The document is not JSON-LD this processor reads (an unknown context, an undefined term).</exception>
    /// <exception cref="MalformedProofException">The proof is not an eddsa-rdfc-2022 proof.</exception>
    public static bool Verify(JsonObject secured, ReadOnlySpan<byte> publicKey)
    {
        var proof = ReadProof(secured);
        var options = (JsonObject)secured["proof"]!.DeepClone();
        options.Remove("proofValue");
        var document = (JsonObject)secured.DeepClone();
        document.Remove("proof");
        // Step 4 of 3.3.2: a proof's own @context must be where the document's starts.
        if (options["@context"] is { } proofContext)
        {
            var documentContexts = Contexts(document["@context"]);
            var proofContexts = Contexts(proofContext);
            if (proofContexts.Count > documentContexts.Count || proofContexts.Where((c, i) => !JsonNode.DeepEquals(c, documentContexts[i])).Any())
            {
                return false;
            }
            document["@context"] = proofContext.DeepClone();
        }
        if (publicKey.Length != 32)
        {
            return false;
        }
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey));
        var data = HashData(document, options);
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(proof.Signature);
    }

    /// <summary>The proof's parts that say whose it is and what for, checked to be an eddsa-rdfc-2022 Data Integrity proof.</summary>
    /// <exception cref="MalformedProofException">Not one such proof, or its <c>proofValue</c> is not a base58btc Ed25519 signature.</exception>
    public static DataIntegrityProof ReadProof(JsonObject secured)
    {
        var proof = secured["proof"] switch
        {
            JsonObject one => one,
            JsonArray => throw new MalformedProofException("The credential carries several proofs; only one is verified here."),
            null => throw new MalformedProofException("The credential carries no proof."),
            _ => throw new MalformedProofException("proof must be an object."),
        };
        string Text(string name) =>
            proof[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : throw new MalformedProofException($"proof.{name} is required.");
        if (Text("type") != ProofType || Text("cryptosuite") != Cryptosuite)
        {
            throw new UnsupportedProofException($"{proof["type"]} with {proof["cryptosuite"] ?? "no cryptosuite"}");
        }
        var proofValue = Text("proofValue");
        byte[] signature;
        try
        {
            signature = proofValue[0] == 'z' ? Base58Btc.Decode(proofValue[1..]) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new MalformedProofException("proof.proofValue must be multibase base58btc (starting with z).");
        }
        if (signature.Length != 64)
        {
            throw new MalformedProofException("proof.proofValue is not an Ed25519 signature (64 bytes).");
        }
        if (proof["created"] is { } created && !(created is JsonValue c && c.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)))
        {
            throw new MalformedProofException("proof.created must be a date and time.");
        }
        return new DataIntegrityProof(Text("verificationMethod"), Text("proofPurpose"), signature);
    }

    /// <summary>3.3.4 Hashing: SHA-256 of the canonical proof configuration (with the document's @context), then of the document.</summary>
    private static byte[] HashData(JsonObject document, JsonObject proofOptions)
    {
        var configuration = (JsonObject)proofOptions.DeepClone();
        if (document["@context"] is { } context && !configuration.ContainsKey("@context"))
        {
            configuration["@context"] = context.DeepClone();
        }
        var proofHash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonLdCanonicalizer.Canonicalize(configuration)));
        var documentHash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonLdCanonicalizer.Canonicalize(document)));
        return [.. proofHash, .. documentHash];
    }

    private static List<JsonNode?> Contexts(JsonNode? context) => context is JsonArray many ? [.. many] : [context];
}

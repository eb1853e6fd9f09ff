using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Consortium.Grains.Badges.DataIntegrity;
using Consortium.Grains.Badges.Rdf;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.Portal.Badges;

/// <summary>
/// Verifies an Open Badges 3.0 credential from any issuer, this portal's tenants included, the way a stranger would: the
/// schema, the VC-JWT's signature against the key the issuer publishes (<see cref="PublishedKeys"/>, fetched over HTTP) or the
/// embedded eddsa-rdfc-2022 Data Integrity proof against the key its verification method names (<see cref="DataIntegrityKeys"/>), the
/// Bitstring status list (<see cref="StatusListCheck"/>), the validity dates and, for a signed-in researcher, that the
/// credential is theirs.
/// </summary>
public sealed class BadgeVerifier(PublishedKeys keys, DataIntegrityKeys proofKeys, StatusListCheck statusLists, TimeProvider clock, ILogger<BadgeVerifier> logger)
{
    /// <param name="expectedSubject">The signed-in researcher's iD URL (<c>https://orcid.org/…</c>); null checks no subject.</param>
    public async Task<BadgeVerification> VerifyAsync(BadgeSubmission submission, string? expectedSubject, CancellationToken cancellation = default)
    {
        var run = new BadgeCheckRun(clock.GetUtcNow());
        var outcome = submission switch
        {
            BadgeSubmission.Jwt jwt => await VerifyJwtAsync(jwt.Token, expectedSubject, run, cancellation),
            BadgeSubmission.Json json => await VerifyEmbeddedAsync(json.Credential, expectedSubject, run, cancellation),
            BadgeSubmission.Unreadable unreadable => run.Fail(BadgeReason.Malformed, "format", unreadable.Problem),
            _ => throw new ArgumentOutOfRangeException(nameof(submission)),
        };
        logger.LogInformation("Badge {Credential} of {Issuer}: {Decision} ({Reason})", outcome.Badge?.Id, outcome.Badge?.IssuerId, outcome.Decision, outcome.Reason);
        return outcome;
    }

    private async Task<BadgeVerification> VerifyJwtAsync(string jwt, string? expectedSubject, BadgeCheckRun run, CancellationToken cancellation)
    {
        JsonWebToken token;
        JsonObject payload;
        try
        {
            token = new JsonWebToken(jwt);
            payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)) as JsonObject
                ?? throw new SecurityTokenMalformedException("The JWT payload is not a JSON object.");
        }
        catch (Exception unreadable) when (unreadable is ArgumentException or SecurityTokenMalformedException or System.Text.Json.JsonException or FormatException)
        {
            return run.Fail(BadgeReason.Malformed, "format", "The VC-JWT could not be read: its header or payload is not base64url JSON.");
        }
        run.Pass("format", $"A VC-JWT signed with {token.Alg}.");
        // A VC 1.1 JWT carries the credential in its vc claim; OB 3.0 with VC 2.0 makes the payload the credential.
        var credential = payload["vc"] as JsonObject ?? payload;
        if (Schema(credential, run) is not { } facts)
        {
            return run.Outcome;
        }
        if (payload["iss"] is JsonValue iss && iss.TryGetValue<string>(out var issuer) && issuer != facts.IssuerId)
        {
            return run.Fail(BadgeReason.Malformed, "schema", $"The JWT's iss ({issuer}) is not the credential's issuer.id ({facts.IssuerId}).");
        }
        var (key, keyDetail) = await keys.FindAsync(token, facts.IssuerId, cancellation);
        if (key is null)
        {
            return run.Fail(BadgeReason.UnknownIssuer, "issuer-key", keyDetail);
        }
        run.Pass("issuer-key", keyDetail);
        if (!await PublishedKeys.SignedByAsync(jwt, key))
        {
            return run.Fail(BadgeReason.BadSignature, "signature", $"The signature does not verify with the issuer's key {token.Kid}: the credential was altered or signed by someone else.");
        }
        run.Pass("signature", $"Signed by {facts.IssuerId} with its published key {token.Kid}.");
        return await AfterSignatureAsync(facts, expectedSubject, run, cancellation);
    }

    /// <summary>A JSON credential with an embedded Data Integrity proof (eddsa-rdfc-2022), canonicalised with the vendored
    /// contexts only: an unknown context or an undefined term is <c>malformed</c>, never fetched.</summary>
    private async Task<BadgeVerification> VerifyEmbeddedAsync(JsonObject credential, string? expectedSubject, BadgeCheckRun run, CancellationToken cancellation)
    {
        run.Pass("format", "A JSON credential.");
        if (Schema(credential, run) is not { } facts)
        {
            return run.Outcome;
        }
        DataIntegrityProof proof;
        try
        {
            proof = EddsaRdfc2022.ReadProof(credential);
        }
        catch (UnsupportedProofException other)
        {
            return run.Fail(BadgeReason.UnsupportedProof, "signature", $"{other.Message} Send its VC-JWT form.");
        }
        catch (MalformedProofException broken)
        {
            return run.Fail(BadgeReason.Malformed, "signature", credential["proof"] is null
                ? "The credential carries no proof: send its VC-JWT form, or a PNG with it baked in."
                : broken.Message);
        }
        if (proof.ProofPurpose != "assertionMethod")
        {
            return run.Fail(BadgeReason.Malformed, "signature", $"The proof's purpose is {proof.ProofPurpose}, not assertionMethod: it does not assert the credential.");
        }
        var (key, keyDetail) = await proofKeys.FindAsync(proof.VerificationMethod, facts.IssuerId, cancellation);
        if (key is null)
        {
            return run.Fail(BadgeReason.UnknownIssuer, "issuer-key", keyDetail);
        }
        run.Pass("issuer-key", keyDetail);
        bool signed;
        try
        {
            signed = EddsaRdfc2022.Verify(credential, key);
        }
        catch (RdfCanonicalizationException unreadable)
        {
            return run.Fail(BadgeReason.Malformed, "signature", $"The credential cannot be canonicalised to check its proof: {unreadable.Message}");
        }
        if (!signed)
        {
            return run.Fail(BadgeReason.BadSignature, "signature", $"The eddsa-rdfc-2022 proof does not verify with the key {proof.VerificationMethod}: the credential was altered or signed by someone else.");
        }
        run.Pass("signature", $"Signed by {facts.IssuerId} with eddsa-rdfc-2022 and its key {proof.VerificationMethod}.");
        return await AfterSignatureAsync(facts, expectedSubject, run, cancellation);
    }

    /// <summary>The checks after a signature holds, the same for both proofs: status, validity, subject.</summary>
    private async Task<BadgeVerification> AfterSignatureAsync(BadgeFacts facts, string? expectedSubject, BadgeCheckRun run, CancellationToken cancellation)
    {
        if (facts.Status is not { } status)
        {
            run.Note("status", "The credential names no Bitstring status list, so revocation could not be checked.");
        }
        else
        {
            var (revoked, statusDetail) = await statusLists.CheckAsync(status, facts.IssuerId, cancellation);
            switch (revoked)
            {
                case null:
                    return run.Unknown(statusDetail);
                case true:
                    return run.Fail(BadgeReason.Revoked, "status", statusDetail);
                default:
                    run.Pass("status", statusDetail);
                    break;
            }
        }
        return Validity(facts, run) ?? Subject(facts, expectedSubject, run) ?? run.Allow();
    }

    private static BadgeFacts? Schema(JsonObject credential, BadgeCheckRun run)
    {
        var (facts, problem) = CredentialShape.Read(credential);
        if (facts is null)
        {
            run.Fail(BadgeReason.Malformed, "schema", $"Not an Open Badges 3.0 credential: {problem}");
            return null;
        }
        run.Found(facts);
        run.Pass("schema", $"An OpenBadgeCredential for '{facts.AchievementName}' from {facts.IssuerName ?? facts.IssuerId}.");
        return facts;
    }

    /// <returns>The outcome when the dates refuse the badge, else null.</returns>
    private static BadgeVerification? Validity(BadgeFacts facts, BadgeCheckRun run)
    {
        if (facts.ValidFrom > run.Now)
        {
            return run.Fail(BadgeReason.NotYetValid, "validity", $"The credential is valid only from {facts.ValidFrom:u}.");
        }
        if (facts.ValidUntil is { } until && until < run.Now)
        {
            return run.Fail(BadgeReason.Expired, "validity", $"The credential expired at {until:u}.");
        }
        run.Pass("validity", facts.ValidUntil is { } end ? $"Valid from {facts.ValidFrom:u} until {end:u}." : $"Valid from {facts.ValidFrom:u}, without expiry.");
        return null;
    }

    /// <returns>The outcome when the badge is someone else's, else null.</returns>
    private static BadgeVerification? Subject(BadgeFacts facts, string? expected, BadgeCheckRun run)
    {
        if (expected is null)
        {
            run.Note("subject", facts.SubjectId is { } holder ? $"Awarded to {holder}; no holder was signed in to compare." : "No holder was signed in to compare.");
            return null;
        }
        if (facts.SubjectId != expected)
        {
            return run.Fail(BadgeReason.SubjectMismatch, "subject", $"The credential was awarded to {facts.SubjectId ?? "someone named by identifiers only"}, not to {expected}.");
        }
        run.Pass("subject", $"Awarded to {expected}, who is signed in.");
        return null;
    }
}

using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Consortium.Grains.Trust;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.Portal.Badges;

/// <summary>
/// Verifies an Open Badges 3.0 credential from any issuer, this portal's tenants included, the way a stranger would: the
/// VC-JWT's signature against the key the issuer publishes (fetched over HTTP from the <c>kid</c>, which must lie under the
/// issuer's own origin), the schema, the Bitstring status list (fetched, its own signature checked, the bit read), the
/// validity dates and, for a signed-in researcher, that the credential is theirs. The JWT is checked by Microsoft.IdentityModel.
/// </summary>
public sealed class BadgeVerifier(HttpClient http, IOptions<BadgeVerifierOptions> options, TimeProvider clock, ILogger<BadgeVerifier> logger)
{
    private static readonly JsonWebTokenHandler Tokens = new();

    /// <summary>OB 3.0 requires RS256; the others are the asymmetric algorithms VC-JOSE-COSE names. Never <c>none</c> or HMAC.</summary>
    private static readonly string[] Algorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    /// <param name="expectedSubject">The signed-in researcher's iD URL (<c>https://orcid.org/…</c>); null checks no subject.</param>
    public async Task<BadgeVerification> VerifyAsync(BadgeSubmission submission, string? expectedSubject, CancellationToken cancellation = default)
    {
        var run = new Run(clock.GetUtcNow());
        var outcome = submission switch
        {
            BadgeSubmission.Jwt jwt => await VerifyJwtAsync(jwt.Token, expectedSubject, run, cancellation),
            BadgeSubmission.Json json => VerifyEmbedded(json.Credential, run),
            BadgeSubmission.Unreadable unreadable => run.Fail(BadgeReason.Malformed, "format", unreadable.Problem),
            _ => throw new ArgumentOutOfRangeException(nameof(submission)),
        };
        logger.LogInformation("Badge {Credential} of {Issuer}: {Decision} ({Reason})", outcome.Badge?.Id, outcome.Badge?.IssuerId, outcome.Decision, outcome.Reason);
        return outcome;
    }

    private async Task<BadgeVerification> VerifyJwtAsync(string jwt, string? expectedSubject, Run run, CancellationToken cancellation)
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
        var key = await IssuerKeyAsync(token, facts.IssuerId, run, cancellation);
        if (key is null)
        {
            return run.Outcome;
        }
        if (!await SignedByAsync(jwt, key))
        {
            return run.Fail(BadgeReason.BadSignature, "signature", $"The signature does not verify with the issuer's key {token.Kid}: the credential was altered or signed by someone else.");
        }
        run.Pass("signature", $"Signed by {facts.IssuerId} with its published key {token.Kid}.");
        if (!await StatusAsync(facts, run, cancellation))
        {
            return run.Outcome;
        }
        return Validity(facts, run) && Subject(facts, expectedSubject, run) ? run.Allow() : run.Outcome;
    }

    /// <summary>A JSON credential with an embedded proof: its shape is checked, but its Data Integrity proof (e.g. eddsa-rdfc-2022)
    /// needs RDF canonicalisation, which this verifier does not do, so it is never accepted.</summary>
    private static BadgeVerification VerifyEmbedded(JsonObject credential, Run run)
    {
        run.Pass("format", "A JSON credential.");
        if (Schema(credential, run) is null)
        {
            return run.Outcome;
        }
        return credential["proof"] is JsonObject proof
            ? run.Fail(BadgeReason.UnsupportedProof, "signature",
                $"The credential's embedded proof ({proof["cryptosuite"] ?? proof["type"]}) is not checked here: send its VC-JWT form.")
            : run.Fail(BadgeReason.Malformed, "signature", "The credential carries no proof: send its VC-JWT form, or a PNG with it baked in.");
    }

    private static BadgeFacts? Schema(JsonObject credential, Run run)
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

    /// <summary>The public key named by the JWT's <c>kid</c>, fetched from the issuer's origin. A key embedded in the header
    /// (<c>jwk</c>) proves only that the credential is intact, not who made it, so it is not trusted.</summary>
    private async Task<SecurityKey?> IssuerKeyAsync(JsonWebToken token, string issuerId, Run run, CancellationToken cancellation)
    {
        if (!Uri.TryCreate(token.Kid, UriKind.Absolute, out var kid) || kid.Scheme is not ("https" or "http"))
        {
            run.Fail(BadgeReason.UnknownIssuer, "issuer-key", string.IsNullOrEmpty(token.Kid)
                ? "The JWT names no kid: a key only embedded in the credential does not prove who issued it."
                : $"The JWT's kid ({token.Kid}) is not an HTTP address where the issuer publishes its key.");
            return null;
        }
        if (!Uri.TryCreate(issuerId, UriKind.Absolute, out var issuer) || !SameOrigin(kid, issuer))
        {
            run.Fail(BadgeReason.UnknownIssuer, "issuer-key", $"The key {token.Kid} is not published under the issuer's address ({issuerId}).");
            return null;
        }
        var document = await FetchAsync(new Uri(kid.GetLeftPart(UriPartial.Query)), cancellation);
        var keys = document switch
        {
            null => [],
            _ when document.Contains("\"keys\"", StringComparison.Ordinal) => JsonWebKeySetOrEmpty(document),
            _ => [new JsonWebKey(document)],
        };
        var key = keys.FirstOrDefault(k => k.Kid == token.Kid || k.Kid == kid.Fragment.TrimStart('#'))
            ?? (keys.Count == 1 && string.IsNullOrEmpty(keys[0].Kid) ? keys[0] : null);
        if (key is null || key.HasPrivateKey)
        {
            run.Fail(BadgeReason.UnknownIssuer, "issuer-key", document is null
                ? $"The issuer's keys could not be fetched from {kid.GetLeftPart(UriPartial.Query)}."
                : $"The issuer publishes no public key {token.Kid}.");
            return null;
        }
        key.KeyId = token.Kid;
        run.Pass("issuer-key", $"The issuer publishes the key {token.Kid}.");
        return key;
    }

    private static IList<JsonWebKey> JsonWebKeySetOrEmpty(string document)
    {
        try
        {
            return new JsonWebKeySet(document).Keys;
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    private static async Task<bool> SignedByAsync(string jwt, SecurityKey key)
    {
        var result = await Tokens.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = Algorithms,
            // The issuer and the dates are checked against the credential itself, to name the reason.
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        return result.IsValid;
    }

    /// <returns>False when the badge is revoked or its status cannot be read.</returns>
    private async Task<bool> StatusAsync(BadgeFacts facts, Run run, CancellationToken cancellation)
    {
        if (facts.Status is not { } status)
        {
            run.Note("status", "The credential names no Bitstring status list, so revocation could not be checked.");
            return true;
        }
        var unavailable = $"The status list {status.ListUrl} could not be read, so the credential may be revoked.";
        if (await FetchAsync(new Uri(status.ListUrl), cancellation) is not { } listJwt || BadgeSubmission.FromText(listJwt) is not BadgeSubmission.Jwt list)
        {
            return run.Unknown(unavailable);
        }
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(list.Token);
        }
        catch (Exception unreadable) when (unreadable is ArgumentException or SecurityTokenMalformedException)
        {
            return run.Unknown(unavailable);
        }
        var listRun = new Run(run.Now);
        if (await IssuerKeyAsync(token, facts.IssuerId, listRun, cancellation) is not { } key || !await SignedByAsync(list.Token, key))
        {
            return run.Unknown($"The status list {status.ListUrl} is not signed by the credential's issuer.");
        }
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        var subject = (payload?["vc"] ?? payload)?["credentialSubject"];
        try
        {
            if (subject?["encodedList"]?.GetValue<string>() is not { } encoded)
            {
                return run.Unknown(unavailable);
            }
            if (Bitstring.IsSet(encoded, status.Index))
            {
                run.Fail(BadgeReason.Revoked, "status", $"The issuer has revoked the credential: bit {status.Index} of {status.ListUrl} is set.");
                return false;
            }
        }
        catch (Exception broken) when (broken is FormatException or InvalidOperationException or InvalidDataException)
        {
            return run.Unknown(unavailable);
        }
        run.Pass("status", $"Not revoked: bit {status.Index} of {status.ListUrl} is clear.");
        return true;
    }

    private static bool Validity(BadgeFacts facts, Run run)
    {
        if (facts.ValidFrom > run.Now)
        {
            run.Fail(BadgeReason.NotYetValid, "validity", $"The credential is valid only from {facts.ValidFrom:u}.");
            return false;
        }
        if (facts.ValidUntil is { } until && until < run.Now)
        {
            run.Fail(BadgeReason.Expired, "validity", $"The credential expired at {until:u}.");
            return false;
        }
        run.Pass("validity", facts.ValidUntil is { } end ? $"Valid from {facts.ValidFrom:u} until {end:u}." : $"Valid from {facts.ValidFrom:u}, without expiry.");
        return true;
    }

    private static bool Subject(BadgeFacts facts, string? expected, Run run)
    {
        if (expected is null)
        {
            run.Note("subject", facts.SubjectId is { } holder ? $"Awarded to {holder}; no holder was signed in to compare." : "No holder was signed in to compare.");
            return true;
        }
        if (facts.SubjectId != expected)
        {
            run.Fail(BadgeReason.SubjectMismatch, "subject", $"The credential was awarded to {facts.SubjectId ?? "someone named by identifiers only"}, not to {expected}.");
            return false;
        }
        run.Pass("subject", $"Awarded to {expected}, who is signed in.");
        return true;
    }

    /// <returns>The body, or null when the address does not answer 200 within the limits.</returns>
    private async Task<string?> FetchAsync(Uri address, CancellationToken cancellation)
    {
        if (address.Scheme is not ("https" or "http"))
        {
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > options.Value.MaxResponseBytes)
            {
                return null;
            }
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return body.Length <= options.Value.MaxResponseBytes ? body : null;
        }
        catch (Exception failed) when (failed is HttpRequestException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            logger.LogInformation("Badge verifier could not fetch {Address}: {Error}", address, failed.Message);
            return null;
        }
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>The checks of one badge as they are made; the first failure decides.</summary>
    private sealed class Run(DateTimeOffset now)
    {
        private readonly List<BadgeCheck> _checks = [];
        private BadgeFacts? _facts;
        private (Decision Decision, BadgeReason Reason) _result = (Decision.Deny, BadgeReason.Malformed);

        public DateTimeOffset Now => now;

        public BadgeVerification Outcome => new(_result.Decision, _result.Reason, _facts, [.. _checks], now);

        public void Found(BadgeFacts facts) => _facts = facts;

        public void Pass(string check, string detail) => _checks.Add(new BadgeCheck(check, true, detail));

        public void Note(string check, string detail) => _checks.Add(new BadgeCheck(check, null, detail));

        public BadgeVerification Fail(BadgeReason reason, string check, string detail)
        {
            _checks.Add(new BadgeCheck(check, false, detail));
            _result = (Decision.Deny, reason);
            return Outcome;
        }

        public bool Unknown(string detail)
        {
            _checks.Add(new BadgeCheck("status", null, detail));
            _result = (Decision.Unknown, BadgeReason.StatusUnavailable);
            return false;
        }

        public BadgeVerification Allow()
        {
            _result = (Decision.Allow, BadgeReason.Valid);
            return Outcome;
        }
    }
}

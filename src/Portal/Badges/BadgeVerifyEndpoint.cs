using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Consortium.Grains.Common;
using Consortium.Orcid;
using Consortium.Portal.Api;
using Consortium.Portal.Audit;
using Consortium.Portal.Issuing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Badges;

/// <summary><c>POST /api/v1/tenants/{t}/badges/verify</c>: an Open Badge from anyone (VC-JWT as text or <c>{"credential": …}</c>,
/// a JSON credential, or a baked PNG as the body or a multipart file), answered like a verification.</summary>
public static class BadgeVerifyEndpoint
{
    public static void MapBadgeVerify(this RouteGroupBuilder api) =>
        api.MapPost("/badges/verify", VerifyAsync).DisableAntiforgery();

    /// <param name="subject">The holder to expect: an iD URL, or a bare iD in <paramref name="env"/> (production unless said).</param>
    private static async Task<Ok<BadgeVerification>> VerifyAsync(HttpContext http, TenantContext tenant, BadgeVerifier verifier, AuditLog audit,
        string? subject = null, string? env = null)
    {
        var body = await ReadBadgeAsync(http.Request, http.RequestAborted);
        subject ??= SubjectInBody(body);
        var expected = subject is null ? null : SubjectUrl(subject, env);
        var result = await verifier.VerifyAsync(BadgeSubmission.FromBytes(body), expected, http.RequestAborted);
        await audit.RecordAsync(AuditActor.FromApiCaller(http), "badge.verified",
            $"{result.Badge?.Id ?? "unreadable badge"}: {KebabNames.Of(result.Decision)} ({KebabNames.Of(result.Reason)})", tenant.Profile.ConsortiumSlug, tenant.Profile.Slug);
        return TypedResults.Ok(result);
    }

    /// <summary>The badge: the first file of a multipart form (or its <c>credential</c> field), else the body.</summary>
    public static async Task<byte[]> ReadBadgeAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellation);
            if (form.Files.FirstOrDefault() is { } file)
            {
                return await ReadAsync(file.OpenReadStream(), file.Length, cancellation);
            }
            return System.Text.Encoding.UTF8.GetBytes(form["credential"].ToString());
        }
        return await ReadAsync(request.Body, request.ContentLength, cancellation);
    }

    private static async Task<byte[]> ReadAsync(Stream stream, long? length, CancellationToken cancellation)
    {
        if (length > BadgeVerifierOptions.MaxBadgeBytes)
        {
            throw new InvalidFieldException("credential", $"A badge may be at most {BadgeVerifierOptions.MaxBadgeBytes / 1024 / 1024} MB.");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > BadgeVerifierOptions.MaxBadgeBytes)
            {
                throw new InvalidFieldException("credential", $"A badge may be at most {BadgeVerifierOptions.MaxBadgeBytes / 1024 / 1024} MB.");
            }
        }
        return buffer.ToArray();
    }

    private static string SubjectUrl(string subject, string? env)
    {
        if (!OrcidId.TryParse(subject, out var orcid, out var error))
        {
            throw new InvalidFieldException("subject", $"The subject must be an ORCID iD or its URL: {error}");
        }
        var environment = subject.Contains("sandbox.orcid.org", StringComparison.OrdinalIgnoreCase)
            ? OrcidEnvironment.Sandbox
            : env is null ? OrcidEnvironment.Production : Grains.OrcidClients.OrcidEnvironmentName.Parse("env", env);
        return OpenBadgeCredentialBuilder.OrcidRecordUrl(environment, orcid.Value);
    }

    /// <summary>The <c>subject</c> beside <c>credential</c> (a VC-JWT or a JSON credential) in a JSON body.</summary>
    private static string? SubjectInBody(byte[] body)
    {
        if (body.Length == 0 || body[0] != (byte)'{')
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(body) is JsonObject { } wrapper && wrapper["credential"] is JsonValue or JsonObject && wrapper["subject"] is JsonValue subject
                && subject.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

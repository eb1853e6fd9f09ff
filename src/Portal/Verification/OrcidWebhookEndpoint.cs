using Consortium.Grains.OrcidClients;
using System.Security.Cryptography;
using System.Text;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Verification;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Consortium.Portal.Verification;

/// <summary>
/// ORCID POSTs here (empty body) when a record we verified changes; the cached copy is dropped so the next verification
/// reads it again. The address carries a Data Protection token naming tenant, environment and iD: only an address we
/// gave ORCID does anything, and it reveals nothing.
/// </summary>
public static class OrcidWebhookEndpoint
{
    public static void MapOrcidWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/orcid/{token}", async (string token, IDataProtectionProvider protection, IGrainFactory grains) =>
        {
            string[] parts;
            try
            {
                var named = protection.CreateProtector(VerificationKey.WebhookPurpose).Unprotect(WebEncoders.Base64UrlDecode(token));
                parts = Encoding.UTF8.GetString(named).Split(':');
            }
            catch (Exception invalid) when (invalid is CryptographicException or FormatException)
            {
                return Results.NotFound();
            }
            // The token is ours (it unprotected), so its environment is a canonical name.
            await grains.GetGrain<IOrcidRecordGrain>(VerificationKey.Record(parts[0], OrcidEnvironmentName.FromName(parts[1]), parts[2])).InvalidateAsync();
            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
}

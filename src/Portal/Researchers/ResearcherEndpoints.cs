using System.Security.Cryptography;
using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.Orcid.OAuth;
using Consortium.Portal.Api;
using Consortium.Portal.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Consortium.Portal.Researchers;

/// <summary>
/// The researcher's round trip to ORCID: <c>/connect</c> redirects to ORCID's authorize page with a fresh single-use
/// <c>state</c> bound to the tenant, the environment and (through a cookie) this browser; <c>/orcid/callback</c> completes
/// or records the denial; <c>/disconnect</c> revokes the token at ORCID. Each ends on the researcher page with an outcome.
/// </summary>
public static partial class ResearcherEndpoints
{
    private const string ProofCookie = "consortium.consent";

    public static readonly IReadOnlyList<string> Scopes = [OrcidScopes.OpenId, OrcidScopes.ReadLimited, OrcidScopes.ActivitiesUpdate];

    public static void MapResearcherEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/t/{tenant}").ExcludeFromDescription();
        pages.MapGet("/connect", ConnectAsync);
        pages.MapGet("/orcid/callback", CallbackAsync);
        pages.MapPost("/disconnect", DisconnectAsync);
    }

    private static async Task<IResult> ConnectAsync(string tenant, string? env, string? invite, string? claim, string? enrol, string? returnTo, HttpContext http, IGrainFactory grains, OrcidClients orcid, PortalAddress portal,
        TimeProvider clock)
    {
        var environment = OrcidEnvironmentName.ProductionOrSandbox(env);
        // Only back to one of this tenant's own pages: never an open redirect.
        var returnPath = returnTo is not null && returnTo.StartsWith($"/t/{tenant}/prove/", StringComparison.Ordinal)
            && RuleIdPattern().IsMatch(returnTo[$"/t/{tenant}/prove/".Length..]) ? returnTo : null;
        var profile = await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync();
        if (profile is null || profile.IsSuspended)
        {
            return Results.NotFound();
        }
        if (await grains.ClosedInAsync(profile, environment, clock.GetUtcNow()) is not null)
        {
            return BackToPage(tenant, environment, problem: ResearcherProblem.Closed, invite: invite);
        }
        var client = await grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant, environment)).GetAsync();
        if (client is null)
        {
            return BackToPage(tenant, environment, problem: ResearcherProblem.NoClient, invite: invite);
        }
        ConsentInvitation? invitation = null;
        if (invite is not null && InvitationToken.TryParse(invite, out var token))
        {
            try
            {
                invitation = await grains.GetGrain<IConsentInvitationGrain>(ConsentInvitationGrain.KeyFor(token.Id)).OpenAsync(token.Secret);
            }
            catch (InvitationRefusedException)
            {
                // The page explains what is wrong with the invitation.
                return BackToPage(tenant, environment, invite: invite);
            }
        }

        ClaimView? claimed = null;
        if (claim is not null)
        {
            try
            {
                claimed = await grains.OpenClaimAsync(tenant, claim);
            }
            catch (ClaimRefusedException)
            {
                // The claim page explains what is wrong with the link.
            }
            // Back to the claim page, never elsewhere: the path is built here, not taken from the request.
            returnPath = ClaimPath(tenant, claim);
            // An expired link never reaches ORCID; a claimed one does, so its owner can come back and one who is not is told.
            if (claimed is null || claimed.Environment != environment || claimed.ExpiredAt(clock.GetUtcNow()))
            {
                return BackToPage(tenant, environment, path: returnPath);
            }
        }

        EnrolmentView? enrolment = null;
        if (enrol is not null)
        {
            try
            {
                enrolment = await grains.OpenEnrolmentAsync(tenant, enrol);
            }
            catch (ClaimRefusedException)
            {
                // The sign-up page explains that the link is not valid.
            }
            returnPath = $"/t/{Uri.EscapeDataString(tenant)}/enrol/{Uri.EscapeDataString(enrol)}";
            if (enrolment is null || enrolment.Environment != environment)
            {
                return BackToPage(tenant, environment, path: returnPath);
            }
        }

        var state = ConsentRequestGrain.NewState();
        var proof = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await grains.GetGrain<IConsentRequestGrain>(ConsentRequestGrain.KeyFor(state))
            .BeginAsync(new ConsentRequest(tenant, environment, proof, nonce, invitation is null ? null : invite, returnPath, claimed is null ? null : claim,
                enrolment is null ? null : enrol));
        http.Response.Cookies.Append(ProofCookie, proof, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = $"/t/{tenant}",
            MaxAge = ConsentRequestGrain.Lifetime,
        });
        var authorize = orcid.OAuth(environment).BuildAuthorizeUrl(new AuthorizeRequest
        {
            ClientId = client.ClientId,
            Scopes = Scopes,
            RedirectUri = ResearcherLinks.Callback(portal, tenant),
            State = state,
            Nonce = nonce,
            Email = invitation?.Email ?? (claimed?.Learner ?? enrolment?.Learner)?.Email,
            GivenNames = invitation?.GivenNames ?? (claimed?.Learner ?? enrolment?.Learner)?.GivenNames,
            FamilyNames = invitation?.FamilyNames ?? (claimed?.Learner ?? enrolment?.Learner)?.FamilyNames,
        });
        return Results.Redirect(authorize.AbsoluteUri);
    }

    private static async Task<IResult> CallbackAsync(
        string tenant, string? code, string? state, string? error, HttpContext http, IGrainFactory grains, PortalAddress portal, ILoggerFactory loggers)
    {
        var proof = http.Request.Cookies[ProofCookie] ?? "";
        http.Response.Cookies.Delete(ProofCookie, new CookieOptions { Path = $"/t/{tenant}" });
        if (string.IsNullOrEmpty(state))
        {
            return BackToPage(tenant, OrcidEnvironment.Sandbox, problem: ResearcherProblem.Expired);
        }
        var request = grains.GetGrain<IConsentRequestGrain>(ConsentRequestGrain.KeyFor(state));
        try
        {
            if (error is not null || string.IsNullOrEmpty(code))
            {
                var denied = await request.DenyAsync(tenant, proof);
                return error == "access_denied"
                    ? BackToPage(tenant, denied.Environment, outcome: "denied", invite: denied.InvitationToken, path: denied.ReturnPath)
                    : BackToPage(tenant, denied.Environment, problem: ResearcherProblem.OrcidError, invite: denied.InvitationToken, path: denied.ReturnPath);
            }
            var connected = await request.AuthorizeAsync(tenant, proof, code, ResearcherLinks.Callback(portal, tenant));
            if (connected.OrcidUnreachable)
            {
                return BackToPage(tenant, connected.Environment, problem: ResearcherProblem.Unreachable, invite: connected.InvitationToken, path: connected.ReturnPath);
            }
            await ResearcherSession.SignInAsync(http, tenant, connected.Researcher!);
            return BackToPage(tenant, connected.Environment, outcome: "connected",
                problem: ResearcherProblem.ForClaim(connected.ClaimRefused) ?? (connected.Notice is null ? null : ResearcherProblem.InvitationUsed),
                path: connected.ReturnPath);
        }
        catch (ConsentRefusedException refused)
        {
            loggers.CreateLogger(typeof(ResearcherEndpoints)).LogInformation("A researcher's consent for {Tenant} was refused: {Reason}", tenant, refused.Message);
            return BackToPage(tenant, OrcidEnvironment.Sandbox, problem: ResearcherProblem.Expired);
        }
    }

    private static async Task<IResult> DisconnectAsync(string tenant, [FromForm] string? env, HttpContext http, IGrainFactory grains)
    {
        var environment = OrcidEnvironmentName.ProductionOrSandbox(env);
        if (await ResearcherSession.ReadAsync(http, tenant, environment) is { } researcher)
        {
            try
            {
                await grains.GetGrain<IResearcherGrain>(ResearcherKey.For(tenant, environment, researcher.Orcid)).DisconnectAsync();
            }
            catch (OrcidUnreachableException)
            {
                return BackToPage(tenant, environment, problem: ResearcherProblem.Unreachable);
            }
            await ResearcherSession.SignOutAsync(http);
        }
        return BackToPage(tenant, environment, outcome: "disconnected");
    }

    private static IResult BackToPage(string tenant, OrcidEnvironment environment, string? outcome = null, string? problem = null, string? invite = null, string? path = null) =>
        Results.Redirect($"{path ?? $"/t/{Uri.EscapeDataString(tenant)}"}?env={environment.Name()}"
            + (outcome is null ? "" : $"&outcome={outcome}")
            + (problem is null ? "" : $"&problem={problem}")
            + (invite is null ? "" : $"&invite={Uri.EscapeDataString(invite)}"));

    private static string ClaimPath(string tenant, string token) => $"/t/{Uri.EscapeDataString(tenant)}/claim/{Uri.EscapeDataString(token)}";

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex RuleIdPattern();
}

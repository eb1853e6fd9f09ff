using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Lti;
using Consortium.Grains.Tenants;
using Consortium.Portal.Courses;
using Consortium.Portal.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace Consortium.Portal.Lti;

/// <summary>
/// The tenant's LTI 1.3 tool. <c>/login</c> is the OIDC third-party login initiation (LTI Security Framework 5.1.1): a registered
/// platform sends the learner here, and the tool sends them back to the platform's authorization endpoint with a fresh single-use
/// <c>state</c> and <c>nonce</c>. The platform posts the id_token to <c>/launch</c>, which validates it (<see cref="LtiLaunchValidator"/>)
/// and shows the learner their ORCID connection for this course: a sign-up link (<see cref="EnrolmentService"/>) with Connect, or what
/// was written. <c>/jwks</c> publishes the tool's own public keys (per tenant, kept encrypted, rotated by a new key).
/// </summary>
public static class LtiEndpoints
{
    public static void MapLtiEndpoints(this IEndpointRouteBuilder app)
    {
        var lti = app.MapGroup("/lti/{tenant}").ExcludeFromDescription();
        lti.MapMethods("/{platform}/login", ["GET", "POST"], LoginAsync).DisableAntiforgery();
        lti.MapPost("/{platform}/launch", LaunchAsync).DisableAntiforgery();
        lti.MapGet("/jwks", JwksAsync);
    }

    public static string LoginPath(string tenant, string platform) => $"/lti/{tenant}/{platform}/login";

    public static string LaunchPath(string tenant, string platform) => $"/lti/{tenant}/{platform}/launch";

    public static string JwksPath(string tenant) => $"/lti/{tenant}/jwks";

    /// <summary>The tool's signing keys: a key set of their own, apart from the tenant's Open Badges keys.</summary>
    public static string ToolKeys(string tenant) => "lti:" + TenantKey.For(tenant);

    private static async Task<IResult> LoginAsync(string tenant, string platform, HttpRequest request, IGrainFactory grains, PortalAddress portal)
    {
        var parameters = request.HasFormContentType ? (await request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString())
            : request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
        if (await RegisteredAsync(grains, tenant, platform) is not { } registered)
        {
            return Results.NotFound();
        }
        if (parameters.GetValueOrDefault("iss") != registered.Issuer
            || parameters.GetValueOrDefault("client_id") is { Length: > 0 } clientId && clientId != registered.ClientId
            || string.IsNullOrEmpty(parameters.GetValueOrDefault("login_hint")))
        {
            return Refused("The login is not from the registered platform (iss, client_id) or has no login_hint.");
        }
        var state = LtiLoginGrain.NewState();
        var nonce = await grains.GetGrain<ILtiLoginGrain>(LtiLoginGrain.KeyFor(state)).BeginAsync(tenant, platform);
        var query = new Dictionary<string, string?>
        {
            ["scope"] = "openid",
            ["response_type"] = "id_token",
            ["response_mode"] = "form_post",
            ["prompt"] = "none",
            ["client_id"] = registered.ClientId,
            ["redirect_uri"] = portal.For(LaunchPath(tenant, platform)).AbsoluteUri,
            ["login_hint"] = parameters["login_hint"],
            ["lti_message_hint"] = parameters.GetValueOrDefault("lti_message_hint"),
            ["state"] = state,
            ["nonce"] = nonce,
        };
        return Results.Redirect(QueryHelpers.AddQueryString(registered.AuthorizationEndpoint, query.Where(q => q.Value is not null)));
    }

    private static async Task<IResult> LaunchAsync(string tenant, string platform, HttpRequest request, IGrainFactory grains, LtiLaunchValidator validator,
        EnrolmentService enrolments, ILoggerFactory loggers)
    {
        if (await RegisteredAsync(grains, tenant, platform) is not { } registered
            || await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync() is not { } profile)
        {
            return Results.NotFound();
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        var state = form?["state"].ToString();
        var nonce = string.IsNullOrEmpty(state) ? null : await grains.GetGrain<ILtiLoginGrain>(LtiLoginGrain.KeyFor(state)).ConsumeAsync(tenant, platform);
        if (nonce is null)
        {
            return Refused("This launch's state is unknown, expired or already used: launch the tool again from the course.");
        }
        try
        {
            var (learner, course) = await validator.ValidateAsync(form!["id_token"].ToString(), registered, nonce);
            var enrolment = await enrolments.CreateAsync(profile, registered.Environment, learner, course);
            // Marked as reached from this platform's launch: the page may be framed by it and opens Connect outside the frame.
            var signUp = QueryHelpers.AddQueryString(enrolment.ConnectUrl.PathAndQuery, LtiFraming.PlatformParameter, platform);
            return Results.Redirect(signUp, permanent: false, preserveMethod: false);
        }
        catch (LtiLaunchRefusedException refused)
        {
            loggers.CreateLogger(typeof(LtiEndpoints)).LogWarning("Refused an LTI launch for {Tenant} from {Platform}: {Reason}", tenant, platform, refused.Message);
            return Refused(refused.Message);
        }
    }

    private static async Task<IResult> JwksAsync(string tenant, IGrainFactory grains, PortalAddress portal)
    {
        if (await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync() is null)
        {
            return Results.NotFound();
        }
        var url = portal.For(JwksPath(tenant)).AbsoluteUri;
        var keys = grains.GetGrain<IIssuerKeysGrain>(ToolKeys(tenant));
        var published = await keys.GetPublicKeysAsync(url);
        return Results.Json(new { keys = published.Count > 0 ? published : [await keys.RotateAsync(url)] });
    }

    private static Task<LtiPlatform?> RegisteredAsync(IGrainFactory grains, string tenant, string platform) =>
        grains.GetGrain<ILtiPlatformsGrain>(LtiPlatformsGrain.KeyFor(tenant)).GetAsync(platform);

    private static IResult Refused(string reason) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The LTI launch is refused.", detail: reason);
}

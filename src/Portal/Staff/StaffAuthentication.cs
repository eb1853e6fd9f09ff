using System.Security.Claims;
using Consortium.Portal.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Consortium.Silo.Hosting;

namespace Consortium.Portal.Staff;

/// <summary>Staff sign in with OpenID Connect (ORCID by default); a cookie keeps them signed in.</summary>
public static class StaffAuthentication
{
    public const string CookieScheme = "staff";
    public const string OidcScheme = "oidc";

    public static void AddStaffSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StaffOptions>>(new ProductionStaffSignIn(builder.Environment));
        var staff = builder.Configuration.GetSection(StaffOptions.SectionName).Get<StaffOptions>() ?? new();
        if (!staff.ConfiguredProviders.Any())
        {
            // Without a provider nobody signs in: /signin would be a 404 and every staff page would send people there.
            RequireSignIn(builder, staff.Oidc);
        }

        var authentication = builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                // One provider: straight to it. Several: the cookie scheme sends people to /signin, which lets them choose.
                var providers = staff.ConfiguredProviders.ToList();
                options.DefaultChallengeScheme = providers.Count == 1 ? providers[0].Scheme : CookieScheme;
            })
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "consortium.staff";
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/not-found";
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        foreach (var (scheme, name, provider) in staff.ConfiguredProviders)
        {
            authentication.AddOpenIdConnect(scheme, provider.DisplayName, options => Configure(options, scheme, name, provider));
        }
        builder.Services.AddTransient<IClaimsTransformation, StaffClaimsTransformation>();
        builder.Services.AddCascadingAuthenticationState();
    }

    private static void RequireSignIn(WebApplicationBuilder builder, OidcProviderOptions primary)
    {
        const string purpose = "staff sign in with OpenID Connect (ORCID's https://orcid.org, or an ORCID simulator's address for a trial)";
        (string Key, string? Value)[] settings =
        [
            ($"{StaffOptions.SectionName}:Oidc:Authority", primary.Authority),
            ($"{StaffOptions.SectionName}:Oidc:ClientId", primary.ClientId),
            ($"{StaffOptions.SectionName}:Oidc:ClientSecret", primary.ClientSecret),
        ];
        foreach (var (key, _) in settings.Where(setting => string.IsNullOrWhiteSpace(setting.Value)))
        {
            RequiredSettings.Report(builder, key, purpose);
        }
    }

    /// <summary>The scheme of an additional provider; its callback is <c>/signin-oidc-{name}</c>.</summary>
    public static string SchemeFor(string providerName) => $"{OidcScheme}-{providerName}";

    /// <summary>A provider's OpenID Connect settings. Only the primary provider's people are known by ORCID iD; the others'
    /// by <c>{name}:{sub}</c>, so an institution's subject can never pose as an iD.</summary>
    private static void Configure(OpenIdConnectOptions options, string scheme, string? providerName, OidcProviderOptions provider)
    {
        options.Authority = provider.Authority;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.CallbackPath = providerName is null ? "/signin-oidc" : $"/signin-{scheme}";
        options.ResponseType = OpenIdConnectResponseType.Code;
        // ORCID answers the authorize request with a plain redirect (query string), not a form post.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.Scope.Clear();
        options.Scope.Add("openid");
        if (providerName is not null)
        {
            options.Scope.Add("profile");
            // A verified email lets an invitation to that address be accepted without waiting for confirmation.
            options.Scope.Add("email");
        }
        options.RequireHttpsMetadata = provider.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!options.RequireHttpsMetadata)
        {
            // An offline run over plain http (the simulator): the sign-in round trip is a top-level
            // redirect, so Lax cookies that are not Secure-only carry it.
            foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
            {
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SameSite = SameSiteMode.Lax;
            }
        }
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.SaveTokens = false;
        // No front-channel sign-out: the provider never calls it, and any site could link to it to sign people out.
        options.RemoteSignOutPath = PathString.Empty;
        options.Events.OnTokenValidated = context => RecordSignInAsync(context, providerName);
    }

    public static void MapStaffSignIn(this WebApplication app)
    {
        app.MapGet("/signin", (string? returnUrl, string? provider, IOptions<StaffOptions> staff) =>
        {
            var providers = staff.Value.ConfiguredProviders.ToList();
            if (provider is null && providers.Count > 1)
            {
                // Several ways to sign in: the person picks one.
                return Results.Redirect($"/sign-in?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}");
            }
            var scheme = (provider is null ? providers.FirstOrDefault() : providers.FirstOrDefault(p => p.Name == provider)).Scheme;
            return scheme is null
                ? Results.NotFound()
                : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [scheme]);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).RequireAuthorization().ExcludeFromDescription();
    }

    /// <summary>Only the portal's own sign-out form (it carries an antiforgery token) signs out: another site cannot.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery) =>
        await antiforgery.IsRequestValidAsync(http)
            ? TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme])
            : TypedResults.Problem("The sign-out form was not sent from this site.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Only paths on this site, by ASP.NET Core's own rules (no <c>//</c>, <c>/\</c> or control characters, which
    /// browsers read as another host): an open redirect would let a link to the portal send people elsewhere.</summary>
    public static string LocalOrHome(string? url) => RedirectHttpResult.IsLocalUrl(url) ? url! : "/";

    private static async Task RecordSignInAsync(TokenValidatedContext context, string? providerName)
    {
        var subject = context.Principal?.FindFirst("sub")?.Value ?? "unknown";
        if (providerName is not null && context.Principal?.Identity is ClaimsIdentity known)
        {
            known.AddClaim(new Claim(StaffClaims.StaffIdClaim, $"{providerName}:{subject}"));
        }
        var staffId = context.Principal?.StaffId() ?? subject;
        // ORCID's id_token names the person in given_name and family_name; "name" is what the portal shows.
        if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("name") is null)
        {
            var name = $"{identity.FindFirst("given_name")?.Value} {identity.FindFirst("family_name")?.Value}".Trim();
            identity.AddClaim(new Claim("name", name.Length > 0 ? name : staffId));
        }
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        await audit.RecordAsync(new AuditActor(staffId, context.HttpContext.Connection.RemoteIpAddress?.ToString()), "staff.signed-in", staffId);
    }
}

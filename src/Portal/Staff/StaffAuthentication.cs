using System.Security.Claims;
using Consortium.Portal.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Consortium.Portal.Staff;

/// <summary>Staff sign in with OpenID Connect (ORCID by default); a cookie keeps them signed in.</summary>
public static class StaffAuthentication
{
    public const string CookieScheme = "staff";
    public const string OidcScheme = "oidc";

    public static void AddStaffSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName);
        var oidc = builder.Configuration.GetSection(StaffOptions.SectionName).Get<StaffOptions>()?.Oidc ?? new();

        var authentication = builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = oidc.IsConfigured ? OidcScheme : CookieScheme;
            })
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "consortium.staff";
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/not-found";
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc.DisplayName, options =>
            {
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                // ORCID answers the authorize request with a plain redirect (query string), not a form post.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.RequireHttpsMetadata = oidc.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
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
                options.Events.OnTokenValidated = RecordSignInAsync;
            });
        }
        builder.Services.AddTransient<IClaimsTransformation, StaffClaimsTransformation>();
        builder.Services.AddCascadingAuthenticationState();
    }

    public static void MapStaffSignIn(this WebApplication app)
    {
        app.MapGet("/signin", (string? returnUrl) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" }, [OidcScheme])).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", () => TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme]))
            .RequireAuthorization().ExcludeFromDescription();
    }

    // Only paths on this site: an open redirect would let a link to the portal send people elsewhere.
    private static bool IsLocal(string? url) => url is ['/', not '/' and not '\\', ..] or "/";

    private static async Task RecordSignInAsync(TokenValidatedContext context)
    {
        var orcid = context.Principal?.FindFirst("sub")?.Value ?? "unknown";
        // ORCID's id_token names the person in given_name and family_name; "name" is what the portal shows.
        if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("name") is null)
        {
            var name = $"{identity.FindFirst("given_name")?.Value} {identity.FindFirst("family_name")?.Value}".Trim();
            identity.AddClaim(new Claim("name", name.Length > 0 ? name : orcid));
        }
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        await audit.RecordAsync(new AuditActor(orcid, context.HttpContext.Connection.RemoteIpAddress?.ToString()), "staff.signed-in", orcid);
    }
}

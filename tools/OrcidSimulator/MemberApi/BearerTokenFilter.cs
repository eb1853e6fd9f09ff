using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Resolves <c>Authorization: Bearer</c> to an active token, or answers 401 invalid_token.
/// With <c>optional</c> (public API) a request without the header passes anonymously.</summary>
public sealed class BearerTokenFilter(OAuthStore oauth, bool optional) : IEndpointFilter
{
    const string ItemKey = "orcid-sim-token";

    public static Func<EndpointFilterFactoryContext, EndpointFilterDelegate, EndpointFilterDelegate> Factory(bool optional) =>
        (factory, next) =>
        {
            var filter = new BearerTokenFilter(factory.ApplicationServices.GetRequiredService<OAuthStore>(), optional);
            return context => filter.InvokeAsync(context, next);
        };

    public static SimToken? TokenOf(HttpContext context) => context.Items[ItemKey] as SimToken;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (header.Length == 0 && optional)
        {
            return await next(context);
        }
        var value = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (value is null || oauth.FindActiveToken(value) is not { } token)
        {
            return OrcidResults.InvalidToken("Invalid access token: unknown, expired or revoked.");
        }
        context.HttpContext.Items[ItemKey] = token;
        return await next(context);
    }
}

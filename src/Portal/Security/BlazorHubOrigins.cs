namespace Consortium.Portal.Security;

/// <summary>
/// The Blazor hub (<c>/_blazor</c>: negotiate, WebSocket, long polling) answers only pages of this site. Browsers send
/// cookies with a cross-site WebSocket, so without this another site could open a circuit as the signed-in person.
/// </summary>
public static class BlazorHubOrigins
{
    private static readonly PathString Hub = "/_blazor";

    public static void UseBlazorHubOriginCheck(this WebApplication app) =>
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(Hub) && !IsSameOrigin(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            return next(http);
        });

    // Browsers send Origin with every WebSocket and every cross-origin request: one without it is not from another site.
    private static bool IsSameOrigin(HttpRequest request) =>
        request.Headers.Origin.ToString() is not { Length: > 0 } origin
        || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
}

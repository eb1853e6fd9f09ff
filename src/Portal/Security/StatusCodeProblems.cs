using Microsoft.AspNetCore.Diagnostics;

namespace Consortium.Portal.Security;

/// <summary>
/// An error without a body becomes problem details for API callers and for anything but a page view (GET or HEAD):
/// people get the not-found page, a POST to an unknown path gets a 404 (the page would re-run as a POST and fail
/// antiforgery instead), and API callers get 401, 404, 405, 413 and 415 with a body as DESIGN.md promises.
/// </summary>
public static class StatusCodeProblems
{
    public static void UseStatusCodeProblems(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.Use(async (http, next) =>
        {
            if (!IsPageView(http.Request))
            {
                http.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }
            await next(http);
            if (!IsPageView(http.Request) && http.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null, ContentType: null })
            {
                if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !IsApi(http.Request))
                {
                    // Every path answers GET (with the not-found page), so a POST to an unknown page would be a 405.
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    http.Response.Headers.Allow = default;
                }
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = http });
            }
        });
    }

    private static bool IsPageView(HttpRequest request) =>
        !IsApi(request) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}

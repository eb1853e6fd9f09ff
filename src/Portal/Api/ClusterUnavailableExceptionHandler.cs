using Consortium.Portal.Hosting;
using Consortium.Portal.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Consortium.Portal.Api;

/// <summary>
/// A request that met the cluster recovering from a silo's death (<see cref="TransientClusterFailure"/>) answers 503 with
/// <c>Retry-After</c>, as problem details (a page request, which does not accept JSON, gets the same in plain text): the caller
/// tries again, never sees a 500. Anything else is left to the other handlers.
/// </summary>
public sealed class ClusterUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private const string Message = "The cluster is recovering from a server's failure; try again in a few seconds.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!TransientClusterFailure.Is(exception))
        {
            return false;
        }
        logger.LogWarning("{Method} {Path} answered 503: the cluster did not answer ({Failure}: {Reason})",
            http.Request.Method, http.Request.Path, exception.GetType().Name, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfter.Seconds(TransientClusterFailure.RetryAfter);
        var problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "The cluster is recovering.", Detail = Message };
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception }))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(Message, cancellationToken);
        }
        return true;
    }
}

using System.Net;
using Consortium.OrcidSimulator.MemberApi;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Controls;

/// <summary>Applies an injected fault, if one hits this request, before the API handles it.</summary>
public sealed class FaultFilter(FaultInjector faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var isWrite = !HttpMethods.IsGet(http.Request.Method);
        switch (faults.Next(isWrite))
        {
            case (FaultKind.Latency, var latency):
                await Task.Delay(latency, http.RequestAborted);
                return await next(context);
            case (FaultKind.Error500, _):
                return OrcidResults.Error(HttpStatusCode.InternalServerError, 9008, "500 Internal Server Error: Simulated ORCID failure.");
            case (FaultKind.Burst503, _):
                http.Response.Headers.RetryAfter = "1";
                return OrcidResults.Error(HttpStatusCode.ServiceUnavailable, 9999, "503 Service Unavailable: Simulated burst of unavailability.");
            case (FaultKind.Drop, _):
                http.Abort();
                return Results.Empty;
            case (FaultKind.Locked, _):
                return OrcidResults.Error(HttpStatusCode.Conflict, 9018, "409 Conflict: The ORCID record is locked and cannot be edited.");
            case (FaultKind.Revoked, _):
                return OrcidResults.InvalidToken("Invalid access token: the researcher revoked it.");
            default:
                return await next(context);
        }
    }
}

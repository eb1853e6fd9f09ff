using Consortium.Grains.Common;
using Consortium.Grains.Issuing;
using Consortium.Grains.Launch;
using Consortium.Grains.OrcidClients;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Consortium.Portal.Api;

/// <summary>Turns the grains' domain exceptions into RFC 7807 problem details for the API.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            InvalidFieldException invalid => new ValidationProblemDetails(Errors(invalid.Field, invalid.Message))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "A field is not valid.",
                Detail = invalid.Message,
            },
            AlreadyExistsException taken => new ValidationProblemDetails(Errors(taken.Field, taken.Message))
            {
                Status = StatusCodes.Status409Conflict,
                Title = "It exists already.",
                Detail = taken.Message,
            },
            LaunchReviewRefusedException refused => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "The launch review cannot do that now.", Detail = refused.Message },
            Billing.BillingRefusedException refused => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Billing cannot do that now.", Detail = refused.Message },
            IssuingClosedException closed => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Issuing is not open.", Detail = closed.Message },
            TenantSuspendedException suspended => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Suspended.", Detail = suspended.Message },
            OrcidUnreachableException unreachable => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "ORCID is unreachable.", Detail = unreachable.Message },
            NotFoundException missing => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = missing.Message },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    // API fields are camelCase in JSON; grains name them after the C# property.
    private static Dictionary<string, string[]> Errors(string field, string message) =>
        new() { [char.ToLowerInvariant(field[0]) + field[1..]] = [message] };
}

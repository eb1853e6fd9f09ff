using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Consortium.Portal.Api;

/// <summary>
/// A request the endpoint could not bind (malformed JSON, a wrong type, a bad query value, a missing body, a body too
/// large or not JSON) answers its 4xx as problem details naming the field, in every environment, never a 500.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var field = FieldOf(bad);
        ProblemDetails problem = field is null
            ? new ProblemDetails { Detail = bad.Message }
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [bad.Message] }) { Detail = bad.Message };
        problem.Status = bad.StatusCode;
        problem.Title = "The request is not valid.";
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The JSON member that did not read (<c>$.startDate</c> → <c>startDate</c>), else the parameter the message names.</summary>
    private static string? FieldOf(BadHttpRequestException bad) =>
        bad.InnerException is JsonException { Path: ['$', '.', .. var member] } ? member
        : ParameterName().Match(bad.Message) is { Success: true } named ? named.Groups["name"].Value
        : null;

    // Minimal APIs name the parameter as "Type name" (or just "name") in quotes: 'Failed to bind parameter "int skip" from "abc".'
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();
}

using System.Text;
using System.Xml.Linq;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Answers in the media type the request asked for, as ORCID does (<see cref="OrcidMediaTypes"/>): the endpoints
/// build ORCID JSON answers, and this writes them as ORCID XML when XML is wanted, errors included. Outermost on the member
/// and public APIs, so the other filters' refusals are negotiated too.</summary>
public sealed class MediaTypeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (OrcidMediaTypes.Answer(context.HttpContext.Request) is not { } mediaType)
        {
            // JAX-RS refuses a request whose Accept matches no @Produces type before ORCID's code runs.
            return Results.StatusCode(StatusCodes.Status406NotAcceptable);
        }
        var result = await next(context);
        if (result is not IValueHttpResult { Value: { } value } || result is not IStatusCodeHttpResult { StatusCode: var status } ||
            result is not IContentTypeHttpResult { ContentType: OrcidJson.MediaType })
        {
            return result;
        }
        if (!OrcidMediaTypes.IsXml(mediaType))
        {
            return Results.Json(value, OrcidJson.Options, mediaType, status);
        }
        return Xml(value) is { } document
            ? Results.Text(document.Declaration + Environment.NewLine + document, mediaType, Encoding.UTF8, status)
            : result;
    }

    static XDocument? Xml(object value) => value switch
    {
        Qualification qualification => OrcidXml.WriteQualification(qualification),
        QualificationsSummary summary => OrcidXml.WriteQualificationsSummary(summary),
        OrcidError error => OrcidXml.WriteError(error),
        _ => null,
    };
}

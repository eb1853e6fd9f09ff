using Microsoft.Net.Http.Headers;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>
/// The media types ORCID's API speaks: every read and write resource declares
/// <c>@Produces</c>/<c>@Consumes({VND_ORCID_XML, ORCID_XML, APPLICATION_XML, VND_ORCID_JSON, ORCID_JSON, APPLICATION_JSON})</c>
/// (ORCID-Source orcid-api-web/src/main/java/org/orcid/api/memberV3/server/MemberV3ApiServiceImplV3_0.java,
/// orcid-pub-web/src/main/java/org/orcid/api/publicV3/server/PublicV3ApiServiceImplV3_0.java), XML first and with the higher
/// server quality (orcid-core/src/main/java/org/orcid/core/api/OrcidApiConstants.java: vnd.orcid+xml qs=0.5,
/// vnd.orcid+json qs=0.4), so a request that does not ask for JSON is answered in XML.
/// </summary>
public static class OrcidMediaTypes
{
    public const string VndXml = "application/vnd.orcid+xml";
    public const string VndJson = "application/vnd.orcid+json";

    static readonly string[] Xml = [VndXml, "application/orcid+xml", "application/xml"];
    static readonly string[] Json = [VndJson, "application/orcid+json", "application/json"];

    /// <summary>The media type to answer in, or null when the request accepts none ORCID produces (406).</summary>
    public static string? Answer(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count == 0)
        {
            return VndXml;
        }
        // The client's preference first; among equals, ORCID's order (XML before JSON).
        return accepted
            .Where(range => range.Quality is not 0)
            .OrderByDescending(range => range.Quality ?? 1)
            .SelectMany(range => Xml.Concat(Json).Where(type => Matches(type, range)))
            .FirstOrDefault();
    }

    // Exact, or a wildcard; not ASP.NET's IsSubsetOf, for which application/vnd.orcid+json is an application/json (a suffix match).
    static bool Matches(string type, MediaTypeHeaderValue range) =>
        range.MatchesAllTypes ||
        (range.MatchesAllSubTypes && type.StartsWith($"{range.Type}/", StringComparison.OrdinalIgnoreCase)) ||
        string.Equals(type, range.MediaType.Value, StringComparison.OrdinalIgnoreCase);

    public static bool IsXml(string mediaType) => Xml.Contains(mediaType);

    /// <summary>Whether a body of this content type is XML, JSON, or neither (415).</summary>
    public static BodyFormat? BodyFormatOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Value is { } mediaType
            ? Xml.Contains(mediaType, StringComparer.OrdinalIgnoreCase) ? BodyFormat.Xml
            : Json.Contains(mediaType, StringComparer.OrdinalIgnoreCase) ? BodyFormat.Json
            : null
            : null;
}

public enum BodyFormat
{
    Json,
    Xml,
}

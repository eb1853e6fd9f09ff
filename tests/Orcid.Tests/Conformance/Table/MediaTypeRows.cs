using System.Net;
using System.Text;
using System.Xml.Linq;
using Consortium.Orcid.Serialization;
using Consortium.Orcid.Tests.Model;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>ORCID answers XML unless JSON is asked for, honours <c>Accept</c>, answers errors in the type asked, and takes
/// XML bodies as well as JSON ones.</summary>
public sealed class MediaTypeRows : IConformanceRows
{
    const string Member = "orcid-api-web/src/main/java/org/orcid/api/memberV3/server/MemberV3ApiServiceImplV3_0.java (@Produces, @Consumes); " +
        "orcid-core/src/main/java/org/orcid/core/api/OrcidApiConstants.java (qs of each type)";
    const string Public = "orcid-pub-web/src/main/java/org/orcid/api/publicV3/server/PublicV3ApiServiceImplV3_0.java (@Produces); " +
        "orcid-core/src/main/java/org/orcid/core/api/OrcidApiConstants.java";
    const string XmlSchema = Member + "; orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidValidationJaxbContextResolver.java (XML is validated against the XSD)";
    const string VndXml = "application/vnd.orcid+xml";

    public IEnumerable<ConformanceRow> Rows =>
    [
        new("media type: without Accept a qualification is answered in XML", Member, async context =>
            await XmlAsync(await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{await context.CreateAsync()}", accept: null), "qualification"),
            HttpStatusCode.OK),
        new("media type: Accept vnd.orcid+json is answered in ORCID JSON", Member, async context =>
            Typed(await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{await context.CreateAsync()}"), OrcidJson.MediaType),
            HttpStatusCode.OK),
        new("media type: Accept application/json is answered in JSON", Member, async context =>
            Typed(await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{await context.CreateAsync()}", accept: "application/json"), "application/json"),
            HttpStatusCode.OK),
        new("media type: Accept vnd.orcid+xml answers the qualifications in XML", Member, async context =>
        {
            await context.CreateAsync();
            return await XmlAsync(Typed(await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications", accept: VndXml), VndXml), "qualifications");
        }, HttpStatusCode.OK),
        new("media type: an error is answered in XML when XML is asked", Member + "; orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java",
            async context =>
            {
                var qualification = ConformanceContext.Qualification();
                qualification.Remove("organization");
                var response = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", ConformanceContext.Json(qualification), accept: VndXml);
                context.Created(response);
                return await XmlAsync(response, "error");
            }, HttpStatusCode.BadRequest, 9046),
        new("media type: an XML body is taken", XmlSchema, async context =>
        {
            var response = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", XmlBody(SampleQualificationXml()));
            context.Created(response);
            return response;
        }, HttpStatusCode.Created),
        new("media type: an XML body is held to ORCID's schema", XmlSchema, async context =>
        {
            var document = SampleQualificationXml();
            document.Root!.Element(XName.Get("role-title", "http://www.orcid.org/ns/common"))!.Value = "   ";
            var response = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", XmlBody(document));
            context.Created(response);
            return response;
        }, HttpStatusCode.BadRequest),
        new("media type: the public API answers XML without Accept", Public, async context =>
            await XmlAsync(await context.PublicAsync($"{context.Orcid}/qualifications", accept: null), "qualifications"),
            HttpStatusCode.OK),
        new("media type: an Accept ORCID cannot produce is refused", Member + " (JAX-RS answers 406 when no @Produces type matches)",
            context => context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications", accept: "text/csv"),
            HttpStatusCode.NotAcceptable),
        new("media type: a body neither XML nor JSON is refused", Member + " (JAX-RS answers 415 when no @Consumes type matches)",
            async context =>
            {
                var response = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification",
                    new StringContent(ConformanceContext.Qualification().ToJsonString(), Encoding.UTF8, "text/plain"));
                context.Created(response);
                return response;
            }, HttpStatusCode.UnsupportedMediaType),
    ];

    static XDocument SampleQualificationXml() => OrcidXml.WriteQualification(SampleQualifications.LaserSafety($"conformance-{Guid.NewGuid():N}"));

    static StringContent XmlBody(XDocument document) => new(document.Declaration + "\n" + document, Encoding.UTF8, VndXml);

    /// <summary>The response, after checking that it is in <paramref name="mediaType"/>.</summary>
    static HttpResponseMessage Typed(HttpResponseMessage response, string mediaType)
    {
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return response;
    }

    /// <summary>The response, after checking that it is XML with <paramref name="root"/> as its root element.</summary>
    static async Task<HttpResponseMessage> XmlAsync(HttpResponseMessage response, string root)
    {
        Assert.EndsWith("xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(root, XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Name.LocalName);
        return response;
    }
}

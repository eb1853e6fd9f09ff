using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Security;

/// <summary>Issue #11, item 7: the CSV size limit holds on the stream, so a chunked upload (no Content-Length) cannot pass it.</summary>
public sealed class ChunkedUploadTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private const string Header = "template,external_id,orcid,email,start_date,given_names,family_names\n";

    private readonly PortalServer _portal = portal.Server;

    [Theory]
    [InlineData(6)]
    [InlineData(40)]
    public async Task AChunkedCsvLargerThanTheLimitAnswers413(int megabytes)
    {
        using var api = _portal.CreateApiClient();
        var tenant = await _portal.CreateTenantAsync();

        var response = await api.PostAsync($"/api/v1/tenants/{tenant}/batches?env=sandbox&dryRun=true", Chunked(megabytes * 1024 * 1024, "text/csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AChunkedMultipartFileLargerThanTheLimitAnswers413()
    {
        using var api = _portal.CreateApiClient();
        var tenant = await _portal.CreateTenantAsync();
        var form = new MultipartFormDataContent { { Chunked(6 * 1024 * 1024, "text/csv"), "file", "big.csv" } };

        var response = await api.PostAsync($"/api/v1/tenants/{tenant}/batches?env=sandbox&dryRun=true", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AChunkedCsvWithinTheLimitIsRead()
    {
        using var api = _portal.CreateApiClient();
        var tenant = await _portal.CreateTenantAsync();

        var response = await api.PostAsync($"/api/v1/tenants/{tenant}/batches?env=sandbox&dryRun=true", Chunked(64 * 1024, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A CSV of about <paramref name="bytes"/> from a stream that cannot tell its length: HttpClient sends it chunked.</summary>
    private static HttpContent Chunked(int bytes, string mediaType)
    {
        var row = "laser-2,ext-0001,0000-0002-1825-0097,,2025-01-01,Josiah,Carberry\n";
        var csv = new StringBuilder(Header);
        while (csv.Length < bytes)
        {
            csv.Append(row);
        }
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(csv.ToString())));
        content.Headers.ContentType = new(mediaType);
        return content;
    }


    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

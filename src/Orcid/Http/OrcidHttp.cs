using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Orcid.Errors;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;
using Microsoft.Extensions.Logging;

namespace Consortium.Orcid.Http;

/// <summary>Sends one logical ORCID call: logs method, path, status, ORCID error code and duration
/// (never the query, a header or a body, which is where tokens and secrets travel), and turns failures into <see cref="OrcidApiException"/>.</summary>
internal sealed class OrcidHttp(HttpClient client, ILogger logger)
{
    public static HttpRequestMessage Request(HttpMethod method, Uri uri, OrcidAccess? access, Qualification? body = null)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(OrcidJson.MediaType));
        if (access is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access.AccessToken);
            request.Options.Set(OrcidRequestOptions.ClientId, access.ClientId);
        }
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, OrcidJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(OrcidJson.MediaType);
        }
        return request;
    }

    /// <summary>Sends the request and returns a successful response; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var path = request.RequestUri?.AbsolutePath;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ORCID {Method} {Path} failed after {Duration} ms: {Failure}",
                request.Method, path, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
        if (response.IsSuccessStatusCode)
        {
            logger.LogInformation("ORCID {Method} {Path} answered {Status} in {Duration} ms",
                request.Method, path, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        using (response)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            logger.LogWarning("ORCID {Method} {Path} answered {Status} error {ErrorCode} in {Duration} ms",
                request.Method, path, (int)response.StatusCode, error.ErrorCode?.ToString() ?? error.OAuthError, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw error;
        }
    }

    public async Task<T> SendForJsonAsync<T>(HttpRequestMessage request, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(options, cancellationToken)
            ?? throw new OrcidApiException(response.StatusCode, null, $"ORCID sent an empty body to {request.Method} {request.RequestUri?.AbsolutePath}.");
    }

    /// <summary>ORCID errors come as <c>{response-code, developer-message, ...}</c>, OAuth errors as <c>{error, error_description}</c>.</summary>
    static async Task<OrcidApiException> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var oauthError))
            {
                return new OrcidApiException(response.StatusCode, null,
                    root.TryGetProperty("error_description", out var description) ? description.GetString() : null,
                    oauthError: oauthError.GetString());
            }
            var error = root.Deserialize<OrcidError>(OrcidJson.Options);
            return new OrcidApiException(response.StatusCode, error?.ErrorCode, error?.DeveloperMessage, error?.UserMessage, location: response.Headers.Location);
        }
        catch (JsonException)
        {
            // A proxy or an outage page rather than ORCID itself: keep the start of what came back.
            return new OrcidApiException(response.StatusCode, null, text.Length > 200 ? text[..200] : text);
        }
    }
}

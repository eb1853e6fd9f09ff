using Microsoft.Extensions.Options;

namespace Consortium.Orcid.Configuration;

/// <summary>Fails the start with the configuration key at fault.</summary>
internal sealed class OrcidOptionsValidator : IValidateOptions<OrcidOptions>
{
    public ValidateOptionsResult Validate(string? name, OrcidOptions options)
    {
        var failures = Enum.GetValues<OrcidEnvironment>().SelectMany(env => ValidateEndpoints(env, options.For(env)))
            .Concat(Positive(nameof(options.AttemptTimeout), options.AttemptTimeout > TimeSpan.Zero))
            .Concat(Positive(nameof(options.RequestsPerSecond), options.RequestsPerSecond > 0))
            .Concat(Positive(nameof(options.Burst), options.Burst > 0))
            .Concat(Positive(nameof(options.MaxRetryAttempts), options.MaxRetryAttempts > 0))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static IEnumerable<string> ValidateEndpoints(OrcidEnvironment environment, OrcidEndpoints endpoints)
    {
        (string Key, Uri? Url)[] urls =
        [
            (nameof(endpoints.OAuthUrl), endpoints.OAuthUrl),
            (nameof(endpoints.MemberApiUrl), endpoints.MemberApiUrl),
            (nameof(endpoints.PublicApiUrl), endpoints.PublicApiUrl),
        ];
        return urls
            .Where(url => url.Url is not { IsAbsoluteUri: true } || url.Url.Scheme is not ("http" or "https"))
            .Select(url => $"{OrcidOptions.SectionName}:{environment}:{url.Key} must be an absolute http(s) URL.");
    }

    static IEnumerable<string> Positive(string key, bool valid) =>
        valid ? [] : [$"{OrcidOptions.SectionName}:{key} must be positive."];
}

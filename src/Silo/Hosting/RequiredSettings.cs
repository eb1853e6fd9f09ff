using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Consortium.Silo.Hosting;

/// <summary>
/// Settings a start cannot do without. Each part of the host reports a missing one while the host is built and carries on;
/// options validation on start (<c>ValidateOnStart</c>) then refuses with one message naming every missing key, so a person
/// fixes the configuration once rather than one key per failed start. Nothing runs before the refusal: the validation
/// comes first in the host's start.
/// </summary>
public sealed class RequiredSettings
{
    private readonly List<string> _missing = [];

    public IReadOnlyList<string> Missing => _missing;

    /// <summary>Records that <paramref name="key"/> is not set, and what it is for (the refusal's text).</summary>
    public static void Report(IHostApplicationBuilder builder, string key, string purpose)
    {
        var settings = Of(builder);
        settings._missing.Add($"{key} is not set: {purpose}.");
    }

    private static RequiredSettings Of(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(RequiredSettings), out var existing))
        {
            return (RequiredSettings)existing;
        }
        var settings = new RequiredSettings();
        builder.Properties[typeof(RequiredSettings)] = settings;
        builder.Services.AddSingleton<IValidateOptions<RequiredSettings>>(new Validator(settings));
        builder.Services.AddOptions<RequiredSettings>().ValidateOnStart();
        return settings;
    }

    private sealed class Validator(RequiredSettings settings) : IValidateOptions<RequiredSettings>
    {
        public ValidateOptionsResult Validate(string? name, RequiredSettings options) =>
            settings.Missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(settings.Missing);
    }
}

using System.Security.Cryptography;
using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Lti;

/// <summary>One LTI login (OIDC third-party login) under its <c>state</c>, until the platform posts the launch back. Kept in memory on
/// purpose, like an OAuth state: it lives for minutes, and a restart in between only asks the learner to launch again.</summary>
public sealed class LtiLoginGrain(TimeProvider clock) : Grain, ILtiLoginGrain
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private (string Tenant, string Platform, string Nonce)? _login;
    private DateTimeOffset _startedAt;
    private bool _used;

    public static string KeyFor(string state) => "ltil:" + state;

    public static string NewState() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public Task<string> BeginAsync(string tenant, string platform)
    {
        if (_login is not null)
        {
            throw new InvalidOperationException("An LTI state is used once; make a new one with LtiLoginGrain.NewState().");
        }
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        (_login, _startedAt) = ((tenant, platform, nonce), clock.GetUtcNow());
        DelayDeactivation(Lifetime);
        return Task.FromResult(nonce);
    }

    public Task<string?> ConsumeAsync(string tenant, string platform)
    {
        var valid = _login is { } login && !_used && login.Tenant == tenant && login.Platform == platform && clock.GetUtcNow() - _startedAt <= Lifetime;
        // Used up by any attempt, right or wrong: a launch is never accepted twice.
        _used = true;
        return Task.FromResult(valid ? _login!.Value.Nonce : null);
    }
}

using System.Text.Json;
using Consortium.Tests;

namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>Runs tests/tools/badges/check.mjs: an implementation of JWT verification and status list decoding that shares
/// nothing with the portal (npm's <c>jose</c> and node's zlib).</summary>
public static class BadgeChecks
{
    /// <returns>The verified header and payload.</returns>
    /// <exception cref="BadgeCheckFailedException">jose refused the JWT.</exception>
    public static Task<JsonElement> VerifyAsync(string jwks, string jwt, string issuer) => RunAsync("verify", jwks, jwt, issuer);

    /// <returns><c>{bits, set}</c>: the list's length in bits and its set positions, after jose verified the list's own signature.</returns>
    public static Task<JsonElement> DecodeStatusListAsync(string jwks, string jwt, string issuer) => RunAsync("status", jwks, jwt, issuer);

    private static async Task<JsonElement> RunAsync(string command, string jwks, string jwt, string issuer)
    {
        var jwksFile = Path.GetTempFileName();
        var jwtFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(jwksFile, jwks);
            await File.WriteAllTextAsync(jwtFile, jwt);
            var (exitCode, output, error) = await BadgeNodeTools.RunAsync("jose", "check.mjs", command, jwksFile, jwtFile, issuer);
            return exitCode == 0
                ? JsonDocument.Parse(output).RootElement.Clone()
                : throw new BadgeCheckFailedException(error.Trim());
        }
        finally
        {
            File.Delete(jwksFile);
            File.Delete(jwtFile);
        }
    }
}

public sealed class BadgeCheckFailedException(string message) : Exception(message);

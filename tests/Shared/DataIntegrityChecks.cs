using System.Text.Json.Nodes;

namespace Consortium.Tests;

/// <summary>Runs tests/tools/badges/di.mjs: JSON-LD, RDFC-1.0 and eddsa-rdfc-2022 by digitalbazaar's jsonld, rdf-canonize and
/// Data Integrity libraries from npm, which share nothing with the portal. Contexts come from npm and 1EdTech's file, never the network.</summary>
public static class DataIntegrityChecks
{
    public const string IssuerIsKey = "issuer-is-key";

    /// <summary>jsonld.canonize (RDFC-1.0, safe mode) of a JSON-LD document.</summary>
    public static Task<string> CanonicalizeAsync(JsonObject document) => WithFileAsync(document.ToJsonString(), file => RunAsync("canonize", file));

    /// <summary>rdf-canonize (RDFC-1.0) of an N-Quads file, with its <c>maxWorkFactor</c>.</summary>
    public static Task<string> CanonicalizeNQuadsAsync(string file, int maxWorkFactor) =>
        RunAsync("canonize-nquads", file, maxWorkFactor.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Signs with digitalbazaar's cryptosuite and a new key, named by <paramref name="verificationMethod"/> or by its own did:key
    /// (<see cref="IssuerIsKey"/>: which becomes <c>issuer.id</c> too).</summary>
    public static async Task<(JsonObject Credential, string PublicKeyMultibase)> SignAsync(JsonObject unsigned, string? verificationMethod = null)
    {
        var output = await WithFileAsync(unsigned.ToJsonString(), file =>
            verificationMethod is null ? RunAsync("sign", file) : RunAsync("sign", file, verificationMethod));
        var result = JsonNode.Parse(output)!.AsObject();
        return (result["credential"]!.AsObject(), result["publicKeyMultibase"]!.GetValue<string>());
    }

    /// <returns>Whether digitalbazaar's verifier accepts the proof, with the key given or the did:key the method names.</returns>
    public static async Task<bool> VerifiesAsync(JsonObject credential, string? publicKeyMultibase = null)
    {
        try
        {
            await WithFileAsync(credential.ToJsonString(), file => publicKeyMultibase is null ? RunAsync("verify", file) : RunAsync("verify", file, publicKeyMultibase));
            return true;
        }
        catch (DataIntegrityCheckException refused) when (refused.ExitCode == 1)
        {
            return false;
        }
    }

    private static async Task<string> WithFileAsync(string content, Func<string, Task<string>> run)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, content);
            return await run(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await BadgeNodeTools.RunAsync("rdf-canonize", "di.mjs", arguments);
        return exitCode == 0 ? output : throw new DataIntegrityCheckException(exitCode, (error + output).Trim());
    }
}

public sealed class DataIntegrityCheckException(int exitCode, string message) : Exception(message)
{
    public int ExitCode => exitCode;
}

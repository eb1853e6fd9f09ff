namespace Consortium.Orcid.Tests.Conformance;

/// <summary>A fact that runs only when the environment gives real ORCID sandbox credentials (see README.md);
/// otherwise it is skipped, saying which variables are missing.</summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    public static readonly string[] Variables =
        ["ORCID_SANDBOX_CLIENT_ID", "ORCID_SANDBOX_CLIENT_SECRET", "ORCID_SANDBOX_ORCID", "ORCID_SANDBOX_ACCESS_TOKEN"];

    public SandboxFactAttribute() => Skip = SkipReason();

    /// <summary>Null when every variable is set; else which are missing.</summary>
    public static string? SkipReason()
    {
        var missing = Variables.Where(name => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name))).ToList();
        return missing.Count > 0
            ? $"Real ORCID sandbox not configured: set {string.Join(", ", missing)} (see tests/Orcid.Tests/README.md)."
            : null;
    }
}

/// <summary>The theory form of <see cref="SandboxFactAttribute"/>, for the conformance table.</summary>
public sealed class SandboxTheoryAttribute : TheoryAttribute
{
    public SandboxTheoryAttribute() => Skip = SandboxFactAttribute.SkipReason();
}

namespace Consortium.Orcid.Configuration;

/// <summary>ORCID's two registries. Nothing obtained in one is ever sent to the other.</summary>
public static class OrcidEnvironment
{
    public const string Sandbox = "sandbox";
    public const string Production = "production";
}

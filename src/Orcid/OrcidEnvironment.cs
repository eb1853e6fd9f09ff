namespace Consortium.Orcid;

/// <summary>ORCID's two separate registries. Nothing obtained in one is ever sent to the other.</summary>
public enum OrcidEnvironment
{
    Sandbox,
    Production,
}

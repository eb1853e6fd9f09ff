namespace Consortium.Grains.Launch;

/// <summary>What ORCID's launch review asks a member to have shown on its sandbox test site.</summary>
public enum LaunchStep
{
    /// <summary>A researcher granted permission through ORCID's OAuth page (the only way in: no typed iDs).</summary>
    Authorized,
    /// <summary>A researcher denied permission, was told so, and offered a retry.</summary>
    Denied,
    /// <summary>A researcher disconnected, which revoked the token at ORCID.</summary>
    Disconnected,
    /// <summary>A qualification was written to a record.</summary>
    Written,
    /// <summary>A written qualification was read back from ORCID.</summary>
    ReadBack,
    /// <summary>A written qualification was updated.</summary>
    Updated,
    /// <summary>A written qualification was deleted.</summary>
    Deleted,
}

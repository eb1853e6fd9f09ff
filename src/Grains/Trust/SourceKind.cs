namespace Consortium.Grains.Trust;

/// <summary>Who wrote a qualification, as seen by the tenant that checks the record.</summary>
public enum SourceKind
{
    /// <summary>The checking tenant's own ORCID client for the environment.</summary>
    OwnClient,
    /// <summary>A client the rule names, directly or as another member organisation.</summary>
    TrustedMember,
    /// <summary>Any other ORCID member client.</summary>
    OtherMember,
    /// <summary>The researcher, on their own record, without a client.</summary>
    SelfAsserted,
    /// <summary>Neither a client nor the record's owner (ORCID should not produce this).</summary>
    Unknown,
}

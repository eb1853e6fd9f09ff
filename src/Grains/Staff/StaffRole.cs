namespace Consortium.Grains.Staff;

public enum StaffRoleKind
{
    /// <summary>Leads a consortium: onboards its member organisations and approves their launch.</summary>
    ConsortiumLead,

    /// <summary>Administers one member organisation.</summary>
    MemberAdmin,
}

/// <summary>A role a person holds, and where: a consortium's slug for a lead, a tenant's slug for a member admin.</summary>
[GenerateSerializer, Immutable, Alias("StaffRole")]
public sealed record StaffRole([property: Id(0)] StaffRoleKind Kind, [property: Id(1)] string Scope)
{
    public override string ToString() => Kind switch
    {
        StaffRoleKind.ConsortiumLead => $"lead of consortium '{Scope}'",
        _ => $"admin of member organisation '{Scope}'",
    };
}

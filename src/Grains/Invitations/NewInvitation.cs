using Consortium.Grains.Common;
using Consortium.Grains.Staff;

namespace Consortium.Grains.Invitations;

/// <summary>An invitation to take a role, sent by email.</summary>
/// <param name="InvitedBy">Who sent it, as the audit log names them.</param>
[GenerateSerializer, Immutable]
public sealed record NewInvitation([property: Id(0)] string Email, [property: Id(1)] StaffRole Role, [property: Id(2)] string InvitedBy)
{
    public NewInvitation Validated() => this with { Email = Fields.Email(nameof(Email), Email) };
}

using Consortium.Grains.Common;
using Consortium.Grains.Invitations;
using Consortium.Grains.Staff;

namespace Consortium.Grains.Interfaces;

/// <summary>One invitation. Key: <see cref="InvitationToken.KeyFor"/> of its id.</summary>
[Alias("IInvitationGrain")]
public interface IInvitationGrain : IGrainWithStringKey
{
    /// <exception cref="InvalidFieldException">The email address is malformed.</exception>
    [Alias("Create")]
    Task<CreatedInvitation> CreateAsync(NewInvitation invitation, TimeSpan validFor);

    [Alias("Get")]
    Task<InvitationView?> GetAsync();

    /// <summary>Binds the invitation to the person following the link, and grants the role, or, when their verified
    /// email must match the invited address and does not, leaves it waiting for confirmation in the team. Single use.</summary>
    /// <exception cref="InvitationRefusedException">Unknown, wrong secret, expired, or used already.</exception>
    [Alias("Accept")]
    Task<InvitationAcceptance> AcceptAsync(string secret, InvitationAcceptor acceptor);

    /// <summary>A new link for an invitation not accepted yet, valid for <paramref name="validFor"/> from now; the old link
    /// stops working.</summary>
    /// <exception cref="InvitationRefusedException">Unknown, accepted or cancelled.</exception>
    [Alias("Renew")]
    Task<CreatedInvitation> RenewAsync(TimeSpan validFor);

    /// <summary>Its link stops working and the team stops listing it; idempotent.</summary>
    /// <exception cref="InvitationRefusedException">Unknown, or accepted already.</exception>
    [Alias("Cancel")]
    Task<InvitationView> CancelAsync();
}

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
}

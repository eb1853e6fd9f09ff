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

    /// <summary>Binds the role to the person signed in as <paramref name="orcid"/>. Single use.</summary>
    /// <exception cref="InvitationRefusedException">Unknown, wrong secret, expired, or used already.</exception>
    [Alias("Accept")]
    Task<StaffRole> AcceptAsync(string secret, string orcid);
}

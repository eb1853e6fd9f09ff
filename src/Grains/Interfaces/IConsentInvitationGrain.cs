using Consortium.Grains.Invitations;
using Consortium.Grains.Researchers;

namespace Consortium.Grains.Interfaces;

/// <summary>An emailed link that asks a researcher to connect for one issuance. Key: <c>ci:{id}</c>, token <c>{id}.{secret}</c>.</summary>
[Alias("IConsentInvitationGrain")]
public interface IConsentInvitationGrain : IGrainWithStringKey
{
    /// <returns>The link's token; its secret is not stored.</returns>
    [Alias("Create")]
    Task<string> CreateAsync(ConsentInvitation invitation);

    /// <exception cref="InvitationRefusedException">Wrong secret, expired, or used by someone else.</exception>
    [Alias("Open")]
    Task<ConsentInvitation> OpenAsync(string secret);

    /// <summary>The researcher connected through the link: the issuance is now theirs.</summary>
    /// <exception cref="InvitationRefusedException">Wrong secret, expired, or used by someone else.</exception>
    [Alias("Accept")]
    Task AcceptAsync(string secret, string orcid);

    /// <summary>The researcher denied permission on ORCID's page.</summary>
    /// <exception cref="InvitationRefusedException">Wrong secret, expired, or used by someone else.</exception>
    [Alias("Decline")]
    Task DeclineAsync(string secret);
}

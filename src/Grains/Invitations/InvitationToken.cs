using System.Diagnostics.CodeAnalysis;

namespace Consortium.Grains.Invitations;

/// <summary>An invitation link's token, <c>{id}.{secret}</c>: the id names the grain, the secret proves the link.</summary>
public sealed record InvitationToken(string Id, string Secret)
{
    public override string ToString() => $"{Id}.{Secret}";

    public static bool TryParse(string? value, [NotNullWhen(true)] out InvitationToken? token)
    {
        token = value?.Split('.') is [{ Length: > 0 } id, { Length: > 0 } secret] ? new InvitationToken(id, secret) : null;
        return token is not null;
    }

    private const string KeyPrefix = "inv:";

    public static string KeyFor(string id) => KeyPrefix + id;

    public static string IdOf(string key) => key[KeyPrefix.Length..];
}

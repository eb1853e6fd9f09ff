using Consortium.Grains.Badges;

namespace Consortium.Portal.Badges;

/// <summary>A credential and its signed form, the VC-JWT a wallet stores.</summary>
public sealed record IssuedCredential(OpenBadgeCredential Credential, string Jwt);

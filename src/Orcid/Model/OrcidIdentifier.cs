namespace Consortium.Orcid.Model;

/// <summary>ORCID's <c>{uri, path, host}</c> triple naming an iD or a client id.</summary>
public sealed record OrcidIdentifier(string? Uri, string? Path, string? Host);

using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Who may read and write a record's qualifications (the body's own checks are <see cref="QualificationValidator"/>).</summary>
public static class QualificationRules
{
    /// <summary>Null when the token may read the record's limited items; else the scope it lacks.</summary>
    public static string? MissingReadScope(SimToken token, string orcid) =>
        token.Orcid == orcid && (token.Has(OrcidScopes.ReadLimited) || token.Has(OrcidScopes.ActivitiesUpdate)) ? null : OrcidScopes.ReadLimited;

    public static bool CanWrite(SimToken token, string orcid) => token.Orcid == orcid && token.Has(OrcidScopes.ActivitiesUpdate);

    /// <summary>What a reader may see: the whole record with a read scope, else public items only.</summary>
    public static bool Visible(Qualification item, SimToken? token, string orcid) =>
        item.Visibility == Visibility.Public ||
        (token is not null && MissingReadScope(token, orcid) is null &&
         (item.Visibility != Visibility.Private || item.Source?.SourceClientId?.Path == token.ClientId));
}

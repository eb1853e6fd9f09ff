using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Who may write a record's qualifications (the body's own checks are <see cref="QualificationValidator"/>; reads: <see cref="ReadRules"/>).</summary>
public static class QualificationRules
{
    public static bool CanWrite(SimToken token, string orcid) => token.Orcid == orcid && token.Has(OrcidScopes.ActivitiesUpdate);
}

using Consortium.Orcid.Model;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>Builds the <c>/qualifications</c> answer. ORCID groups items sharing external ids; here each item is its own group.</summary>
public static class QualificationSummaries
{
    public static QualificationsSummary Of(string orcid, IReadOnlyList<Qualification> items) => new()
    {
        LastModifiedDate = items.Max(q => q.LastModifiedDate),
        AffiliationGroup = items.Select(item => new AffiliationGroup
        {
            LastModifiedDate = item.LastModifiedDate,
            ExternalIds = item.ExternalIds,
            Summaries = [item],
        }).ToList(),
        Path = $"/{orcid}/qualifications",
    };
}

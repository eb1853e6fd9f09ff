using Consortium.Grains.Courses;

namespace Consortium.Grains.Interfaces;

/// <summary>A learner of a tenant's course platform, by user id or email, and the iD they connected. Key: <see cref="LearnerKey.For"/>.</summary>
[Alias("ILearnerLinkGrain")]
public interface ILearnerLinkGrain : IGrainWithStringKey
{
    [Alias("Link")]
    Task LinkAsync(string orcid);

    [Alias("GetOrcid")]
    Task<string?> GetOrcidAsync();
}

namespace Consortium.Grains.Launch;

public enum LaunchReviewStatus
{
    /// <summary>Not yet submitted (or edited since it was returned).</summary>
    Open,
    /// <summary>Submitted to the consortium, waiting for its decision.</summary>
    Submitted,
    /// <summary>Approved: production consent and issuing are open.</summary>
    Approved,
    /// <summary>Returned to the member with comments.</summary>
    Returned,
}

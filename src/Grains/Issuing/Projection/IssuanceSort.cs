namespace Consortium.Grains.Issuing.Projection;

public enum IssuanceSort
{
    /// <summary>Created, newest first (the default).</summary>
    Newest,
    Oldest,
    /// <summary>Changed, most recently first.</summary>
    RecentlyUpdated,
    ExternalId,
    Status,
}

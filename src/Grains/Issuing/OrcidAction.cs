namespace Consortium.Grains.Issuing;

/// <summary>What one processing step did at ORCID: the launch review asks for evidence of each.</summary>
public enum OrcidAction
{
    None,
    /// <summary>POST: a new item on the record.</summary>
    Created,
    /// <summary>409/9021: an item written earlier was found instead of writing a second.</summary>
    Recovered,
    /// <summary>GET of the item: read back to check it is still there.</summary>
    ReadBack,
    /// <summary>PUT: the item replaced.</summary>
    Updated,
    /// <summary>DELETE: the item removed.</summary>
    Deleted,
}

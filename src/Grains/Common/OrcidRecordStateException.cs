using Consortium.Orcid.Errors;

namespace Consortium.Grains.Common;

/// <summary>What ORCID has done to a record itself, which no retry soon will change (except unlocking).</summary>
public enum OrcidRecordState
{
    Locked,
    Deactivated,
    Deprecated,
}

/// <summary>ORCID refused the record itself: locked by ORCID, deactivated by its researcher, or deprecated into
/// <see cref="PrimaryOrcid"/> (codes in ORCID-Source orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java).</summary>
[GenerateSerializer, Alias("OrcidRecordStateException")]
public sealed class OrcidRecordStateException(OrcidRecordState state, string orcid, string? primaryOrcid)
    : Exception(Describe(state, orcid, primaryOrcid))
{
    [Id(0)] public OrcidRecordState State { get; } = state;

    [Id(1)] public string Orcid { get; } = orcid;

    /// <summary>For a deprecated record, the iD its researcher uses now.</summary>
    [Id(2)] public string? PrimaryOrcid { get; } = primaryOrcid;

    /// <summary>The record's state if ORCID's refusal was about it, else null.</summary>
    public static OrcidRecordStateException? From(OrcidApiException refused, string orcid) => refused.Kind switch
    {
        OrcidErrorKind.RecordLocked => new(OrcidRecordState.Locked, orcid, null),
        OrcidErrorKind.Deactivated => new(OrcidRecordState.Deactivated, orcid, null),
        OrcidErrorKind.Deprecated => new(OrcidRecordState.Deprecated, orcid, refused.PrimaryOrcid?.Value),
        _ => null,
    };

    public static string Describe(OrcidRecordState state, string orcid, string? primary) => state switch
    {
        OrcidRecordState.Locked => $"The ORCID record {orcid} is locked by ORCID; nothing can be read from or written to it until ORCID unlocks it.",
        OrcidRecordState.Deactivated => $"The ORCID record {orcid} is deactivated: its researcher closed it, and ORCID removed what it held.",
        _ => $"The ORCID record {orcid} is deprecated: its researcher now uses {primary ?? "another iD"}.",
    };
}

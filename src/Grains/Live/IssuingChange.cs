namespace Consortium.Grains.Live;

/// <summary>What changed since the last push: some issuances, or (when <see cref="IssuanceIds"/> is null) anything.</summary>
[GenerateSerializer, Immutable, Alias("IssuingChange")]
public sealed record IssuingChange([property: Id(0)] IReadOnlySet<string>? IssuanceIds)
{
    /// <summary>Too much, or something other than issuances, changed: read everything again.</summary>
    public static IssuingChange Everything { get; } = new((IReadOnlySet<string>?)null);

    public bool IsEverything => IssuanceIds is null;

    /// <summary>Whether a view of <paramref name="issuanceIds"/> (e.g. one batch's) may read differently now.</summary>
    public bool Touches(IReadOnlySet<string> issuanceIds) => IssuanceIds is not { } changed || changed.Overlaps(issuanceIds);
}

namespace Consortium.Grains.Trust;

/// <summary>The outcome of checking one record against one rule.</summary>
/// <param name="Reason">One sentence for people: which qualification allowed, or why none did.</param>
/// <param name="Evidence">Every qualification on the record, in record order.</param>
[GenerateSerializer, Immutable, Alias("TrustVerdict")]
public sealed record Verdict(
    [property: Id(0)] Decision Decision,
    [property: Id(1)] string Reason,
    [property: Id(2)] IReadOnlyList<Evidence> Evidence);

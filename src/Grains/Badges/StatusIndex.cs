namespace Consortium.Grains.Badges;

/// <summary>A credential's place in its tenant's status lists: the tenant numbers its credentials 0, 1, 2, … and each
/// list holds <see cref="ListSize"/> of them.</summary>
[GenerateSerializer, Immutable, Alias("StatusIndex")]
public sealed record StatusIndex([property: Id(0)] int List, [property: Id(1)] int Position)
{
    /// <summary>131,072 bits (16 KiB): the smallest list the Bitstring Status List spec allows, so one credential's bit does not
    /// stand out among few (https://www.w3.org/TR/vc-bitstring-status-list/, "Bitstring Generation Algorithm").</summary>
    public const int ListSize = 131_072;

    /// <summary>Lists are numbered from 1, as their addresses show them.</summary>
    public static StatusIndex Of(long number) => new((int)(number / ListSize) + 1, (int)(number % ListSize));
}

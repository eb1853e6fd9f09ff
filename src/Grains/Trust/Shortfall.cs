namespace Consortium.Grains.Trust;

/// <summary>Why a qualification did not count, in a few words for the denial's tally ("1 expired").</summary>
internal sealed record Shortfall(CheckKind Kind, string Words)
{
    /// <param name="first">The first failed check, in <see cref="CheckKind"/> order.</param>
    /// <param name="noneOfSeveral">Several alternative conditions (<see cref="ConditionMode.Any"/>) all failed.</param>
    public static Shortfall Of(Check first, bool noneOfSeveral) => new(first.Kind, first.Kind switch
    {
        CheckKind.Source => "from an untrusted source",
        _ when noneOfSeveral && first.Identifies => "meeting none of the conditions",
        CheckKind.Title => "with another title",
        CheckKind.Organisation => "from another organisation",
        CheckKind.ExternalId => "without the external id",
        CheckKind.Started => "not yet started",
        CheckKind.NotExpired => "expired",
        _ => "issued too long ago",
    });
}

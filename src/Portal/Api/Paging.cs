using Consortium.Grains.Common;

namespace Consortium.Portal.Api;

/// <summary>Paging query values: one out of range (<c>take=0</c>, <c>skip=-1</c>, <c>take=5000</c>) is a mistake named back to the
/// caller, never an empty, odd or silently shortened page.</summary>
public static class Paging
{
    public static int AtLeast(string field, int value, int least) =>
        value >= least ? value : throw new InvalidFieldException(field, $"{field} must be at least {least}.");

    public static int AtMost(string field, int value, int most) =>
        value <= most ? value : throw new InvalidFieldException(field, $"{field} must be at most {most}.");
}

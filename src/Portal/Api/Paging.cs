using Consortium.Grains.Common;

namespace Consortium.Portal.Api;

/// <summary>Paging query values: one below its least (<c>take=0</c>, <c>skip=-1</c>) is a mistake named back to the caller,
/// never an empty or odd page.</summary>
public static class Paging
{
    public static int AtLeast(string field, int value, int least) =>
        value >= least ? value : throw new InvalidFieldException(field, $"{field} must be at least {least}.");
}

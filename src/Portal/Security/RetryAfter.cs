using System.Globalization;

namespace Consortium.Portal.Security;

/// <summary>The Retry-After header's value: whole seconds, at least one.</summary>
public static class RetryAfter
{
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

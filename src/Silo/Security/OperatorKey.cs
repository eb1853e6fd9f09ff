using System.Security.Cryptography;
using System.Text;

namespace Consortium.Silo.Security;

/// <summary>The platform operator's key (<c>Consortium:OperatorApiKey</c>): the portal's REST API and the silo's dashboard accept it.</summary>
public static class OperatorKey
{
    public const string SettingName = "Consortium:OperatorApiKey";

    /// <summary>Whether <paramref name="presented"/> is the configured key, in constant time; never when none is configured.</summary>
    public static bool Matches(string presented, string? configured) =>
        configured is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(configured));
}

using Consortium.Silo.Security;
using Microsoft.Extensions.Configuration;

namespace Consortium.Silo.Dashboard;

/// <summary>The <c>Dashboard</c> section (with the operator's key): whether this silo serves the Orleans Dashboard.</summary>
public sealed class OperatorDashboardSettings
{
    public const string SectionName = "Dashboard";

    /// <summary>Where the dashboard answers on the silo's HTTP port.</summary>
    public const string Path = "/dashboard";

    /// <summary>Off unless set. Set it on every silo of the cluster: the dashboard reads each silo's statistics from that silo.</summary>
    public bool Enabled { get; init; }

    /// <summary>The operator's key, <see cref="OperatorKey.SettingName"/>, the same as the portals'.</summary>
    public string? OperatorApiKey { get; init; }

    /// <exception cref="InvalidOperationException">The dashboard is on without a key to guard it.</exception>
    public static OperatorDashboardSettings FromConfiguration(IConfiguration configuration)
    {
        var settings = new OperatorDashboardSettings
        {
            Enabled = configuration.GetValue<bool>($"{SectionName}:{nameof(Enabled)}"),
            OperatorApiKey = configuration[OperatorKey.SettingName],
        };
        if (settings.Enabled && string.IsNullOrWhiteSpace(settings.OperatorApiKey))
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(Enabled)} is true but {OperatorKey.SettingName} is not set: the dashboard shows grain state and is for operators only. "
                + "Set the operator key (the portals' one), or turn the dashboard off.");
        }
        return settings;
    }
}

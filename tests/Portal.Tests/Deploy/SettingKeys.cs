using System.Reflection;
using Consortium.Grains.Email;
using Consortium.Grains.Issuing;
using Consortium.Grains.Verification;
using Consortium.Orcid.Configuration;
using Consortium.Portal.Api;
using Consortium.Portal.Billing;
using Consortium.Portal.Hosting;
using Consortium.Portal.Invitations;
using Consortium.Portal.Security;
using Consortium.Portal.Staff;
using Consortium.Silo.Dashboard;
using Consortium.Silo.Email;
using Consortium.Silo.Hosting;
using Consortium.Silo.KeyRing;
using Orleans.Hosting.Kubernetes;

namespace Consortium.Portal.Tests.Deploy;

/// <summary>Whether a configuration key (<c>Orleans:SiloPort</c>, or as an environment variable <c>Orleans__SiloPort</c>) is one
/// the silo or the portal reads: a property of the options class its section binds to, or one of the keys read directly.</summary>
public static class SettingKeys
{
    private static readonly Dictionary<string, Type[]> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [OrleansHostingOptions.SectionName] = [typeof(OrleansHostingOptions)],
        [KeyRingProtectionOptions.SectionName] = [typeof(KeyRingProtectionOptions)],
        [EmailOptions.SectionName] = [typeof(EmailOptions)],
        [EmailOutboxOptions.SectionName] = [typeof(EmailOutboxOptions)],
        [ConsortiumOptions.SectionName] = [typeof(ConsortiumOptions)],
        [StaffOptions.SectionName] = [typeof(StaffOptions)],
        [OrcidOptions.SectionName] = [typeof(OrcidOptions)],
        [IssuingOptions.SectionName] = [typeof(IssuingOptions)],
        [Consortium.Grains.Courses.ClaimsOptions.SectionName] = [typeof(Consortium.Grains.Courses.ClaimsOptions)],
        [VerificationOptions.SectionName] = [typeof(VerificationOptions)],
        [InvitationOptions.SectionName] = [typeof(InvitationOptions)],
        [RateLimitOptions.SectionName] = [typeof(RateLimitOptions)],
        // The portal's plans and Stripe settings, and the silo's part of them.
        [BillingOptions.SectionName] = [typeof(BillingOptions), typeof(Consortium.Grains.Billing.BillingRules)],
        // Ours (Enabled) and the Orleans Dashboard's own options, which bind to the same section.
        [OperatorDashboardSettings.SectionName] = [typeof(OperatorDashboardSettings), typeof(Orleans.Dashboard.DashboardOptions)],
    };

    /// <summary>Read without an options class; <c>#</c> stands for an index (<c>:0</c>, <c>:1</c>, …).</summary>
    private static readonly HashSet<string> DirectKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Urls",
        AllowedHostsSetup.SettingName,
        "ConnectionStrings:Consortium",
        PortalAddress.SettingName,
        EmbeddedStripe.EnabledSetting,
        EmbeddedStripe.UrlSetting,
        $"{ForwardedHeadersSetup.SectionName}:KnownProxies:#",
        $"{ForwardedHeadersSetup.SectionName}:KnownNetworks:#",
        "DOTNET_ENVIRONMENT",
        "ASPNETCORE_ENVIRONMENT",
        // Orleans' Kubernetes hosting reads the pod's environment.
        KubernetesHostingOptions.PodNameEnvironmentVariable,
        KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
    };

    public static bool IsKnown(string key)
    {
        var segments = key.Replace("__", ":").Split(':');
        if (DirectKeys.Contains(string.Join(':', segments.Select(segment => int.TryParse(segment, out _) ? "#" : segment))))
        {
            return true;
        }
        return Sections.TryGetValue(segments[0], out var types) && types.Any(type => Binds(type, segments.AsSpan(1)));
    }

    /// <summary>Whether the configuration binder would set something of <paramref name="type"/> from this path.</summary>
    private static bool Binds(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return IsValue(type);
        }
        if (type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)))
        {
            return int.TryParse(path[0], out _) && Binds(type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0], path[1..]);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return Binds(type.GetGenericArguments()[1], path[1..]);
        }
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        // The binder sets a property it can write, or fills in the object a read-only one holds.
        return property is not null && (property.CanWrite || !IsValue(property.PropertyType)) && Binds(property.PropertyType, path[1..]);
    }

    private static bool IsValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri);
    }
}

namespace Consortium.Portal.Api;

/// <summary>The member organisation is suspended by its consortium: its keys work again once it is resumed.</summary>
public sealed class TenantSuspendedException(string slug)
    : Exception($"The member organisation '{slug}' is suspended by its consortium. Ask the consortium's lead to resume it.");

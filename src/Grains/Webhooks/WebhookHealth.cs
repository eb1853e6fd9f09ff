namespace Consortium.Grains.Webhooks;

public enum WebhookHealth
{
    /// <summary>Nothing registered yet: the first verification of a record registers its webhook.</summary>
    NotRegistered,
    /// <summary>The last registration succeeded.</summary>
    Registered,
    /// <summary>The last registration failed; records are read again only when their cache time ends.</summary>
    Failing,
}

namespace Consortium.StripeSimulator;

/// <summary>One Stripe look-alike: where it listens, which secret key it takes, where and how it sends webhooks.</summary>
public sealed record StripeSimulatorOptions
{
    /// <summary>Kestrel URLs; <c>http://127.0.0.1:0</c> picks a free port (read it back with <see cref="StripeSimulatorApp.Address"/>).</summary>
    public string Urls { get; init; } = "http://localhost:5083";

    /// <summary>The secret key callers must present as <c>Authorization: Bearer</c>; null takes any <c>sk_test_</c> key.</summary>
    public string? SecretKey { get; init; }

    /// <summary>Where events are posted, e.g. <c>http://localhost:5080/webhooks/stripe</c>; null keeps them (see <c>GET /_sim/events</c>) unsent.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>The endpoint secret (<c>whsec_…</c>) events are signed with.</summary>
    public string WebhookSecret { get; init; } = "whsec_simulator";

    /// <summary>The API version events carry; Stripe.net refuses events of another version unless told not to
    /// (<c>StripeConfiguration.ApiVersion</c> of Stripe.net 53.1.0).</summary>
    public string ApiVersion { get; init; } = "2026-10-28.endive";

    /// <summary>The look-alike's clock: objects' timestamps, periods, proration and the signature's <c>t=</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Email;

/// <summary>The outboxes: one per member organisation (its researchers' invitations) and one for staff invitations.</summary>
public static class OutboxKey
{
    public const string Staff = "staff";

    public static string ForTenant(string tenant) => "t:" + tenant;

    /// <summary>Message bodies are encrypted under one purpose; the row's outbox is not part of it, so a row moved stays readable.</summary>
    public const string ProtectionPurpose = "Consortium.EmailOutbox.v1";

    public static IEmailOutboxGrain GetEmailOutbox(this IGrainFactory grains, string outbox) => grains.GetGrain<IEmailOutboxGrain>(outbox);

    public static IEmailOutboxGrain GetTenantOutbox(this IGrainFactory grains, string tenant) => grains.GetEmailOutbox(ForTenant(tenant));

    public static IEmailOutboxGrain GetStaffOutbox(this IGrainFactory grains) => grains.GetEmailOutbox(Staff);
}

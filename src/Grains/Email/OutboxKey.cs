using Consortium.Grains.Interfaces;
using Consortium.Grains.Staff;
using Consortium.Grains.Teams;

namespace Consortium.Grains.Email;

/// <summary>The outboxes: one per member organisation (its researchers' invitations) and one per team (its staff invitations),
/// so each admin sees only their own.</summary>
public static class OutboxKey
{
    public static string ForTenant(string tenant) => "t:" + tenant;

    public static string ForStaff(StaffRole role) => "staff:" + TeamKey.For(role);

    /// <summary>Message bodies are encrypted under one purpose; the row's outbox is not part of it, so a row moved stays readable.</summary>
    public const string ProtectionPurpose = "Consortium.EmailOutbox.v1";

    public static IEmailOutboxGrain GetEmailOutbox(this IGrainFactory grains, string outbox) => grains.GetGrain<IEmailOutboxGrain>(outbox);

    public static IEmailOutboxGrain GetTenantOutbox(this IGrainFactory grains, string tenant) => grains.GetEmailOutbox(ForTenant(tenant));

    public static IEmailOutboxGrain GetStaffOutbox(this IGrainFactory grains, StaffRole role) => grains.GetEmailOutbox(ForStaff(role));
}

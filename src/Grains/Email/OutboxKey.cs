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

    public static IEmailOutboxGrain GetEmailOutbox(this IGrainFactory grains, string outbox) => grains.GetGrain<IEmailOutboxGrain>(outbox);

    public static IEmailOutboxGrain GetTenantOutbox(this IGrainFactory grains, string tenant) => grains.GetEmailOutbox(ForTenant(tenant));

    public static IEmailOutboxGrain GetStaffOutbox(this IGrainFactory grains, StaffRole role) => grains.GetEmailOutbox(ForStaff(role));
}

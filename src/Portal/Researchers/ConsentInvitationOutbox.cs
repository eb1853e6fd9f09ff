using Consortium.Grains.Email;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;

namespace Consortium.Portal.Researchers;

/// <summary>The invitation emails to researchers in a member organisation's outbox, as its admins see them: each message's
/// reference is its issuance id, so the Issuing tab shows a failed one on its row and can re-send it. The messages are written
/// where issuances are created (<see cref="Grains.Researchers.ConsentInvitationEmail"/>).</summary>
public sealed class ConsentInvitationOutbox(IGrainFactory grains, AuditLog audit)
{
    /// <summary>The newest invitation email of each of these issuances that has one.</summary>
    public async Task<IReadOnlyDictionary<string, OutboxEntry>> ForIssuancesAsync(TenantProfile tenant, IReadOnlyList<string> issuanceIds) =>
        (await grains.GetTenantOutbox(tenant.Slug).ForReferencesAsync(issuanceIds)).ToDictionary(entry => entry.Reference);

    /// <summary>Invitation emails not sent yet, pending or failed, newest first.</summary>
    public Task<IReadOnlyList<OutboxEntry>> UnsentAsync(TenantProfile tenant, int limit = 100) => grains.GetTenantOutbox(tenant.Slug).UnsentAsync(limit);

    /// <summary>Sends the failed invitation email of an issuance again: the same message, with the same link. Audited.</summary>
    /// <returns>False when the issuance has no failed invitation email.</returns>
    public async Task<bool> ResendAsync(TenantProfile tenant, string issuanceId, AuditActor actor)
    {
        var requeued = await grains.GetTenantOutbox(tenant.Slug).ResendAsync(issuanceId);
        if (requeued)
        {
            await audit.RecordAsync(actor, "invitation.resent", issuanceId, tenant.ConsortiumSlug, tenant.Slug);
        }
        return requeued;
    }
}

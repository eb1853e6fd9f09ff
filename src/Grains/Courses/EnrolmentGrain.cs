using System.Buffers.Text;
using System.Security.Cryptography;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Orcid;
using Microsoft.AspNetCore.DataProtection;

namespace Consortium.Grains.Courses;

/// <summary>One learner's sign-up to one course. Its link's secret is kept hashed to recognise it and encrypted to answer the same
/// link again. Connecting through it links the learner's platform identities to their iD, so a completion later is written with
/// the consent they gave then.</summary>
public sealed class EnrolmentGrain(
    [PersistentState("enrolment", GrainStorage.Name)] IPersistentState<EnrolmentState> state,
    ICoursesProjection projection,
    IDataProtectionProvider protection,
    TimeProvider clock) : Grain, IEnrolmentGrain
{
    private string Tenant => EnrolmentKey.TenantOf(this.GetPrimaryKeyString());

    private IDataProtector Protector => protection.CreateProtector(EnrolmentKey.ProtectionPurpose(Tenant));

    public async Task<EnrolmentCreated> CreateAsync(OrcidEnvironment environment, Learner learner, Course course)
    {
        if (state.State.View is { } existing)
        {
            return new EnrolmentCreated(existing, Protector.Unprotect(state.State.ProtectedToken), Created: false);
        }
        var id = this.GetPrimaryKeyString().Split(':')[2];
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new InvitationToken(id, secret).ToString();
        var view = new EnrolmentView(id, learner, course, clock.GetUtcNow()) { Environment = environment };
        state.State = new EnrolmentState { View = view, SecretHash = SecretHash.Of(secret), ProtectedToken = Protector.Protect(token) };
        await state.WriteStateAsync();
        await projection.SaveAsync(Tenant, view);
        return new EnrolmentCreated(view, token, Created: true);
    }

    public Task<EnrolmentView> OpenAsync(string secret) => Task.FromResult(Check(secret));

    public async Task<EnrolmentView> ConnectAsync(string secret, string orcid)
    {
        var enrolment = Check(secret);
        await Task.WhenAll(LearnerKey.For(Tenant, enrolment.Environment, enrolment.Learner)
            .Select(key => GrainFactory.GetGrain<ILearnerLinkGrain>(key).LinkAsync(orcid)));
        if (enrolment.ConnectedOrcid != orcid)
        {
            enrolment = enrolment with { ConnectedOrcid = orcid, ConnectedAt = clock.GetUtcNow() };
            state.State = state.State with { View = enrolment };
            await state.WriteStateAsync();
            await projection.SaveAsync(Tenant, enrolment);
        }
        return enrolment;
    }

    private EnrolmentView Check(string secret) =>
        state.State.View is { } view && SecretHash.Matches(state.State.SecretHash, secret ?? "")
            ? view
            : throw new ClaimRefusedException(ClaimRefusal.NotValid);
}

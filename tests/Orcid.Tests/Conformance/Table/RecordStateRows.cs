using System.Net;
using Consortium.Orcid.OAuth;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>Record states: what the member API answers for a locked, deactivated or deprecated record, and what the public API does not check.</summary>
public sealed class RecordStateRows : IConformanceRows
{
    const string CheckProfile = "orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrcidSecurityManagerImpl.java (checkProfile, called first by " +
        "orcid-api-web/src/main/java/org/orcid/api/memberV3/server/delegator/impl/MemberV3ApiServiceDelegatorImpl.java)";

    const string Mapper = "orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java";

    const string Deprecated = CheckProfile + "; " + Mapper + " (OrcidDeprecatedException → 9007); " +
        "orcid-api-common/src/main/java/org/orcid/api/common/jaxb/OrcidExceptionMapper.java (301 on a GET, else 409; Location on the primary iD)";

    public IEnumerable<ConformanceRow> Rows =>
    [
        new("record-state: a locked record refuses a read", $"{CheckProfile}; {Mapper} (LockedException → 409/9018)", async context =>
        {
            await context.Simulator.SetRecordStateAsync(context.Target.Orcid, "locked");
            return await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications");
        }, HttpStatusCode.Conflict, 9018, NeedsSimulator: true),

        new("record-state: a locked record refuses a create", $"{CheckProfile}; {Mapper} (LockedException → 409/9018)", async context =>
        {
            await context.Simulator.SetRecordStateAsync(context.Target.Orcid, "locked");
            var response = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", ConformanceContext.Json(ConformanceContext.Qualification()));
            context.Created(response);
            return response;
        }, HttpStatusCode.Conflict, 9018, NeedsSimulator: true),

        new("record-state: a locked record is unlocked again", CheckProfile, async context =>
        {
            await context.Simulator.SetRecordStateAsync(context.Target.Orcid, "locked");
            await context.Simulator.SetRecordStateAsync(context.Target.Orcid, "active");
            return await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications");
        }, HttpStatusCode.OK, NeedsSimulator: true),

        new("record-state: deactivating a record disables its tokens",
            "orcid-core/src/main/java/org/orcid/core/manager/v3/impl/ProfileEntityManagerImpl.java (deactivateRecord → clearRecord(orcid, true) disables the record's tokens)",
            async context =>
            {
                await context.Simulator.SetRecordStateAsync(context.Target.Orcid, "deactivated");
                return await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications");
            }, HttpStatusCode.Unauthorized, NeedsSimulator: true),

        new("record-state: a deactivated record refuses another token's read", $"{CheckProfile}; {Mapper} (DeactivatedException → 409/9044)", async context =>
        {
            var readPublic = await context.Target.Clients.OAuth(context.Target.Environment).ClientCredentialsAsync(context.Target.Credentials, OrcidScopes.ReadPublic);
            await context.Simulator.SetRecordStateAsync(context.Target.Orcid, "deactivated");
            return await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications", token: readPublic.AccessToken);
        }, HttpStatusCode.Conflict, 9044, NeedsSimulator: true),

        new("record-state: a deprecated record answers a read 301 to the primary iD", Deprecated, async context =>
        {
            var primary = await DeprecateAsync(context);
            var response = await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications");
            Assert.Equal(new Uri(context.MemberApi, $"{context.MemberApi.AbsolutePath.TrimEnd('/')}/{primary}/qualifications"), response.Headers.Location);
            return response;
        }, HttpStatusCode.MovedPermanently, 9007, NeedsSimulator: true),

        new("record-state: a deprecated record answers a write 409 naming the primary iD", Deprecated, async context =>
        {
            var primary = await DeprecateAsync(context);
            var response = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", ConformanceContext.Json(ConformanceContext.Qualification()));
            context.Created(response);
            Assert.Equal(new Uri(context.MemberApi, $"{context.MemberApi.AbsolutePath.TrimEnd('/')}/{primary}/qualification"), response.Headers.Location);
            return response;
        }, HttpStatusCode.Conflict, 9007, NeedsSimulator: true),

        new("record-state: the public API's qualifications do not check a lock",
            "orcid-pub-web/src/main/java/org/orcid/api/publicV3/server/delegator/impl/PublicV3ApiServiceDelegatorImpl.java (viewQualifications, unlike viewWorks, has no checkProfileStatus)",
            async context =>
            {
                await context.CreateAsync();
                await context.Simulator.SetRecordStateAsync(context.Target.Orcid, "locked");
                return await context.PublicAsync($"{context.Orcid}/qualifications");
            }, HttpStatusCode.OK, NeedsSimulator: true),
    ];

    static async Task<OrcidId> DeprecateAsync(ConformanceContext context)
    {
        var primary = await context.Simulator.AddResearcherAsync("Primary", "Record");
        await context.Simulator.SetRecordStateAsync(context.Target.Orcid, "deprecated", primary);
        return primary;
    }
}

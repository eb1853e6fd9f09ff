using System.Net;
using System.Text.Json;
using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.Orcid.Serialization;
using Consortium.OrcidSimulator.Controls;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>Who reads what: item visibility on the member and public APIs, a token on another record, an unknown put-code.</summary>
public sealed class VisibilityRows : IConformanceRows
{
    const string MemberReads = "orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrcidSecurityManagerImpl.java (checkAndFilter, checkVisibility); " +
        "orcid-api-web/src/main/java/org/orcid/api/memberV3/server/delegator/impl/MemberV3ApiServiceDelegatorImpl.java (viewQualification, viewQualifications)";
    const string Scopes = "orcid-model src/main/java/org/orcid/jaxb/model/message/ScopePathType.java (/activities/update does not combine AFFILIATIONS_READ_LIMITED); " + MemberReads;
    const string PublicReads = "orcid-api-common/src/main/java/org/orcid/api/publicV3/server/security/impl/PublicAPISecurityManagerV3Impl.java (checkIsPublic); " +
        "orcid-pub-web/src/main/java/org/orcid/api/publicV3/server/delegator/impl/PublicV3ApiServiceDelegatorImpl.java (viewQualification, viewQualifications)";
    const string DefaultVisibility = "orcid-core/src/main/java/org/orcid/core/manager/v3/impl/AffiliationsManagerImpl.java (setIncomingWorkPrivacy: the profile's activities visibility default); " + PublicReads;
    const string TokenTarget = "orcid-api-common/src/main/java/org/orcid/api/common/filter/TokenTargetFilter.java; " +
        "orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java (OrcidUnauthorizedException → 401/9017)";
    const string UnknownPutCode = "orcid-persistence/src/main/java/org/orcid/persistence/dao/impl/OrgAffiliationRelationDaoImpl.java (getOrgAffiliationRelation: getSingleResult); " +
        "orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java (NoResultException → 404/9016)";

    // No item has this put-code on any record the table uses.
    const long UnknownPut = 999_999_999_999;

    public IEnumerable<ConformanceRow> Rows =>
    [
        // Against the real sandbox as well.
        new("visibility: the source client reads its own item", MemberReads, async context =>
            await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{await context.CreateAsync()}"), HttpStatusCode.OK),
        new("other answers: a researcher's token on another record is refused (read)", TokenTarget, context =>
            context.MemberAsync(HttpMethod.Get, $"{AnotherOrcid(context)}/qualifications"), HttpStatusCode.Unauthorized, 9017),
        new("other answers: a researcher's token on another record is refused (write)", TokenTarget, context =>
            context.MemberAsync(HttpMethod.Post, $"{AnotherOrcid(context)}/qualification", ConformanceContext.Json(ConformanceContext.Qualification())),
            HttpStatusCode.Unauthorized, 9017),
        new("other answers: a researcher's token on another record is refused (public read)", TokenTarget, context =>
            context.PublicAsync($"{AnotherOrcid(context)}/qualifications", token: context.Target.Access.AccessToken), HttpStatusCode.Unauthorized, 9017),
        new("other answers: an unknown put-code is not found (member read)", UnknownPutCode, context =>
            context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{UnknownPut}"), HttpStatusCode.NotFound, 9016),
        new("other answers: an unknown put-code is not found (update)", UnknownPutCode, context =>
        {
            var qualification = ConformanceContext.Qualification();
            qualification["put-code"] = UnknownPut;
            return context.MemberAsync(HttpMethod.Put, $"{context.Orcid}/qualification/{UnknownPut}", ConformanceContext.Json(qualification));
        }, HttpStatusCode.NotFound, 9016),
        new("other answers: an unknown put-code is not found (delete)", UnknownPutCode, context =>
            context.MemberAsync(HttpMethod.Delete, $"{context.Orcid}/qualification/{UnknownPut}"), HttpStatusCode.NotFound, 9016),
        new("other answers: an unknown put-code is not found (public read)", UnknownPutCode, context =>
            context.PublicAsync($"{context.Orcid}/qualification/{UnknownPut}"), HttpStatusCode.NotFound, 9016),

        // Arranged with the simulator's controls: a record's default, the researcher's visibility changes, another source.
        new("visibility: a new item takes the record's default (limited), which the public API refuses", DefaultVisibility, async context =>
        {
            using var controls = Controls(context);
            var researcher = await controls.CreateResearcherAsync("Limited", "Default", $"{Guid.NewGuid():N}@example.org", defaultVisibility: "limited");
            var token = await context.Simulator.ConnectAsync(context.Target.Credentials, OrcidId.Parse(researcher.Orcid), OrcidScopes.ActivitiesUpdate);
            using var created = await context.MemberAsync(HttpMethod.Post, $"{researcher.Orcid}/qualification",
                ConformanceContext.Json(ConformanceContext.Qualification()), token.AccessToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return await context.PublicAsync($"{researcher.Orcid}/qualification/{created.Headers.Location!.Segments[^1]}");
        }, HttpStatusCode.Forbidden, 9039, NeedsSimulator: true),
        new("visibility: the public API refuses a limited item", PublicReads, async context =>
            await context.PublicAsync($"{context.Orcid}/qualification/{await OwnItemAsync(context, "limited")}"), HttpStatusCode.Forbidden, 9039, NeedsSimulator: true),
        new("visibility: the public API refuses a private item", PublicReads, async context =>
            await context.PublicAsync($"{context.Orcid}/qualification/{await OwnItemAsync(context, "private")}"), HttpStatusCode.Forbidden, 9039, NeedsSimulator: true),
        new("visibility: the public API refuses a limited item even with the source's token", PublicReads, async context =>
            await context.PublicAsync($"{context.Orcid}/qualification/{await OwnItemAsync(context, "limited")}", token: context.Target.Access.AccessToken),
            HttpStatusCode.Forbidden, 9039, NeedsSimulator: true),
        new("visibility: the public list leaves out a limited item", PublicReads, async context =>
        {
            var publicItem = await context.CreateAsync();
            var limited = await OwnItemAsync(context, "limited");
            var list = await context.PublicAsync($"{context.Orcid}/qualifications");
            Assert.Equal(new[] { publicItem }, await PutCodesAsync(list));
            Assert.DoesNotContain(limited, await PutCodesAsync(list));
            return list;
        }, HttpStatusCode.OK, NeedsSimulator: true),
        new("visibility: a /read-limited token reads another source's limited item", MemberReads, async context =>
            await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{await OtherSourceItemAsync(context, "limited")}"),
            HttpStatusCode.OK, NeedsSimulator: true),
        new("visibility: a /read-limited token cannot read another source's private item", MemberReads, async context =>
            await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{await OtherSourceItemAsync(context, "private")}"),
            HttpStatusCode.Forbidden, 9013, NeedsSimulator: true),
        new("visibility: the source client reads its own private item", MemberReads, async context =>
            await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{await OwnItemAsync(context, "private")}"),
            HttpStatusCode.OK, NeedsSimulator: true),
        new("visibility: the member list with /read-limited has limited items, not another source's private ones", MemberReads, async context =>
        {
            var limited = await OtherSourceItemAsync(context, "limited");
            var hidden = await OtherSourceItemAsync(context, "private");
            var own = await OwnItemAsync(context, "private");
            var list = await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications");
            Assert.Equal(new[] { limited, own }, (await PutCodesAsync(list)).Order());
            Assert.DoesNotContain(hidden, await PutCodesAsync(list));
            return list;
        }, HttpStatusCode.OK, NeedsSimulator: true),
        new("visibility: /activities/update alone does not read another source's limited item", Scopes, async context =>
        {
            var limited = await OtherSourceItemAsync(context, "limited");
            return await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{limited}", token: await UpdateOnlyTokenAsync(context));
        }, HttpStatusCode.Forbidden, 9038, NeedsSimulator: true),
        new("visibility: /activities/update alone reads another source's public item", Scopes, async context =>
        {
            var item = await OtherSourceItemAsync(context, "public");
            return await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualification/{item}", token: await UpdateOnlyTokenAsync(context));
        }, HttpStatusCode.OK, NeedsSimulator: true),
        new("visibility: /activities/update alone lists public and own items, not another source's limited ones", Scopes, async context =>
        {
            var others = await OtherSourceItemAsync(context, "limited");
            var own = await OwnItemAsync(context, "limited");
            var list = await context.MemberAsync(HttpMethod.Get, $"{context.Orcid}/qualifications", token: await UpdateOnlyTokenAsync(context));
            Assert.Equal(new[] { own }, await PutCodesAsync(list));
            Assert.DoesNotContain(others, await PutCodesAsync(list));
            return list;
        }, HttpStatusCode.OK, NeedsSimulator: true),
    ];

    /// <summary>A well-formed iD that is not the target's; ORCID refuses the token before it looks the record up.</summary>
    static string AnotherOrcid(ConformanceContext context)
    {
        var other = OrcidId.NewRandom().Value;
        return other == context.Orcid ? AnotherOrcid(context) : other;
    }

    static SimulatorControls Controls(ConformanceContext context) => new(context.Simulator.BaseUrl);

    /// <summary>An item of the target's client on the target's record, then set to <paramref name="visibility"/> by the researcher.</summary>
    static async Task<long> OwnItemAsync(ConformanceContext context, string visibility)
    {
        var putCode = await context.CreateAsync();
        using var controls = Controls(context);
        await controls.SetVisibilityAsync(context.Orcid, putCode, visibility);
        return putCode;
    }

    /// <summary>An item another member's client wrote on the target's record, with the visibility the researcher gave it.</summary>
    static async Task<long> OtherSourceItemAsync(ConformanceContext context, string visibility)
    {
        var other = await context.Simulator.RegisterClientAsync("Other University");
        using var controls = Controls(context);
        var putCode = await controls.PutQualificationAsync(context.Orcid, other.ClientId, "Radiation Safety", externalIdValue: $"other-{Guid.NewGuid():N}");
        await controls.SetVisibilityAsync(context.Orcid, putCode, visibility);
        return putCode;
    }

    /// <summary>The target's client connected again with /activities/update only.</summary>
    static async Task<string> UpdateOnlyTokenAsync(ConformanceContext context) =>
        (await context.Simulator.ConnectAsync(context.Target.Credentials, context.Target.Orcid, OrcidScopes.ActivitiesUpdate)).AccessToken;

    static async Task<IReadOnlyList<long>> PutCodesAsync(HttpResponseMessage list)
    {
        var summary = JsonSerializer.Deserialize<QualificationsSummary>(await list.Content.ReadAsStringAsync(), OrcidJson.Options)!;
        return [.. summary.Qualifications.Select(q => q.PutCode!.Value)];
    }
}

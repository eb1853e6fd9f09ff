using System.Net;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>Duplicates: one client may not add the same activity twice.</summary>
public sealed class DuplicateRows : IConformanceRows
{
    const string Validator = "orcid-core/src/main/java/org/orcid/core/manager/v3/validator/ActivityValidator.java (checkExternalIdentifiersForDuplicates); " +
        "orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java (OrcidDuplicatedActivityException → 409/9021)";

    public IEnumerable<ConformanceRow> Rows =>
    [
        new("create: the same self external id twice is a duplicate", Validator, async context =>
        {
            var qualification = ConformanceContext.Qualification();
            await context.CreateAsync(qualification);
            var again = await context.MemberAsync(HttpMethod.Post, $"{context.Orcid}/qualification", ConformanceContext.Json(qualification));
            context.Created(again);
            return again;
        }, HttpStatusCode.Conflict, 9021),
    ];
}

using System.Net;
using Consortium.Orcid.OAuth;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>Webhooks: registered on the member API host with no version prefix, 201 then 204, removed only by their owner.
/// Every row removes the hook it made, so the real sandbox is left as it was.</summary>
public sealed class WebhookRows : IConformanceRows
{
    const string Delegator = "orcid-api-web/src/main/java/org/orcid/api/member/common/delegator/impl/WebhooksServiceDelegatorImpl.java";
    const string Mapper = "orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java";

    public IEnumerable<ConformanceRow> Rows =>
    [
        new("webhook: a new hook is created (201 with its Location)", $"{Delegator} (registerWebhook: Response.created)", async context =>
        {
            var token = await WebhookTokenAsync(context);
            var path = HookPath(context);
            var created = await context.SendAsync(HttpMethod.Put, context.MemberHost, path, token: token);
            Assert.Equal(new Uri(context.MemberHost, path).AbsolutePath, created.Headers.Location?.AbsolutePath);
            await RemoveAsync(context, path, token);
            return created;
        }, HttpStatusCode.Created),

        new("webhook: registering it again answers 204", $"{Delegator} (registerWebhook: isNew ? created : noContent)", async context =>
        {
            var token = await WebhookTokenAsync(context);
            var path = HookPath(context);
            using var _ = await context.SendAsync(HttpMethod.Put, context.MemberHost, path, token: token);
            var again = await context.SendAsync(HttpMethod.Put, context.MemberHost, path, token: token);
            await RemoveAsync(context, path, token);
            return again;
        }, HttpStatusCode.NoContent),

        new("webhook: its owner removes it (204)", $"{Delegator} (unregisterWebhook)", async context =>
        {
            var token = await WebhookTokenAsync(context);
            var path = HookPath(context);
            using var _ = await context.SendAsync(HttpMethod.Put, context.MemberHost, path, token: token);
            return await context.SendAsync(HttpMethod.Delete, context.MemberHost, path, token: token);
        }, HttpStatusCode.NoContent),

        new("webhook: removing an unknown hook is 404/9028",
            $"{Delegator} (unregisterWebhook: OrcidWebhookNotFoundException); {Mapper} (OrcidWebhookNotFoundException → 404/9028)",
            async context => await context.SendAsync(HttpMethod.Delete, context.MemberHost, HookPath(context), token: await WebhookTokenAsync(context)),
            HttpStatusCode.NotFound, 9028),

        new("webhook: another client may not remove it (403/9014)",
            $"{Delegator} (unregisterWebhook: OrcidForbiddenException); {Mapper} (OrcidForbiddenException → 403/9014)",
            async context =>
            {
                var token = await WebhookTokenAsync(context);
                var path = HookPath(context);
                using var _ = await context.SendAsync(HttpMethod.Put, context.MemberHost, path, token: token);
                var other = await context.Simulator.RegisterClientAsync("Another University");
                var otherToken = await context.Target.Clients.OAuth(context.Target.Environment).ClientCredentialsAsync(other, OrcidScopes.Webhook);
                var refused = await context.SendAsync(HttpMethod.Delete, context.MemberHost, path, token: otherToken.AccessToken);
                await RemoveAsync(context, path, token);
                return refused;
            }, HttpStatusCode.Forbidden, 9014, NeedsSimulator: true),

        new("webhook: a record token without /webhook is refused (403/9038)",
            $"{Delegator} (orcidSecurityManager.checkScopes(ScopePathType.WEBHOOK)); {Mapper} (OrcidAccessControlException → 403/9038)",
            async context => await context.SendAsync(HttpMethod.Put, context.MemberHost, HookPath(context)),
            HttpStatusCode.Forbidden, 9038),

        new("webhook: there is none under the version prefix (404)",
            "orcid-api-web/src/main/java/org/orcid/api/member/common/WebhooksService.java (@Path(WEBHOOKS_PATH), no /v3.0 resource); " +
            "orcid-api-common/src/main/java/org/orcid/api/common/filter/DefaultApiVersionFilter.java (webhook paths pass unversioned)",
            async context => await context.MemberAsync(HttpMethod.Put, HookPath(context), token: await WebhookTokenAsync(context)),
            HttpStatusCode.NotFound),
    ];

    /// <summary>A callback no one serves: a row's hook is removed before the record changes.</summary>
    static string HookPath(ConformanceContext context) =>
        $"{context.Orcid}/webhook/{Uri.EscapeDataString($"https://consortium.example.org/conformance/{Guid.NewGuid():N}")}";

    static async Task<string> WebhookTokenAsync(ConformanceContext context) =>
        (await context.Target.Clients.OAuth(context.Target.Environment).ClientCredentialsAsync(context.Target.Credentials, OrcidScopes.Webhook)).AccessToken;

    static async Task RemoveAsync(ConformanceContext context, string path, string token)
    {
        using var _ = await context.SendAsync(HttpMethod.Delete, context.MemberHost, path, token: token);
    }
}

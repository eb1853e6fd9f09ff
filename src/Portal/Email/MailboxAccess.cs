using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Consortium.Portal.Api;
using Consortium.Silo.Email;

namespace Consortium.Portal.Email;

/// <summary>
/// The local mailbox holds every invitation link the portal sent, so reading it is reading everyone's invitations: only
/// signed-in operators may, and only where mailbox delivery is on. For anyone else the page does not exist.
/// </summary>
public static class MailboxAccess
{
    public const string PagePath = "/mailbox";

    public static bool MayRead(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsOperator();

    /// <summary>Guards the page's requests before the page runs: 404 where there is no mailbox or for a signed-in non-operator,
    /// the sign-in for someone anonymous. The page checks again for navigation inside a live circuit.</summary>
    public static void UseMailboxAccess(this WebApplication app)
    {
        var mailboxOn = app.Services.GetService<MailboxEmailSender>() is not null;
        app.UseWhen(http => http.Request.Path.StartsWithSegments(PagePath), mailbox => mailbox.Use(async (http, next) =>
        {
            if (!mailboxOn || (http.User.Identity?.IsAuthenticated == true && !MayRead(http.User)))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (http.User.Identity?.IsAuthenticated != true)
            {
                await http.ChallengeAsync();
                return;
            }
            await next(http);
        }));
    }
}

namespace Consortium.Portal.Invitations;

public static class InvitationExtensions
{
    public static void AddInvitations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) => options.RequireMatchingEmail ??= !environment.IsDevelopment());
        builder.Services.AddSingleton<InvitationService>();
        builder.Services.AddSingleton<TeamConfirmations>();
    }
}

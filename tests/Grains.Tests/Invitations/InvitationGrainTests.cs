using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Invitations;
using Consortium.Grains.Staff;
using Consortium.Grains.Teams;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Invitations;

[Collection(SqliteClusterCollection.Name)]
public sealed class InvitationGrainTests(SqliteClusterFixture fixture)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly IGrainFactory _grains = fixture.Cluster.Client;

    [Fact]
    public async Task AcceptingBindsTheRoleToThePersonSignedIn()
    {
        var role = new StaffRole(StaffRoleKind.MemberAdmin, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);
        var orcid = NewOrcid();

        var granted = await invitation.AcceptAsync(token.Secret, new InvitationAcceptor(orcid));

        Assert.Equal(new InvitationAcceptance(role, AwaitingConfirmation: false), granted);
        Assert.Equal([role], await Staff(orcid).GetRolesAsync());
        Assert.Equal(orcid, (await invitation.GetAsync())!.AcceptedBy);
    }

    [Fact]
    public async Task AcceptedPersonJoinsTheTeamAndRemovingThemTakesTheRoleAway()
    {
        var role = new StaffRole(StaffRoleKind.MemberAdmin, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);
        var orcid = NewOrcid();
        await invitation.AcceptAsync(token.Secret, new InvitationAcceptor(orcid));
        var team = _grains.GetGrain<ITeamGrain>(TeamKey.For(role));

        Assert.Equal(orcid, Assert.Single(await team.ListAsync()).Orcid);
        await team.RemoveAsync(orcid);

        Assert.Empty(await team.ListAsync());
        Assert.Empty(await Staff(orcid).GetRolesAsync());
    }

    [Fact]
    public async Task ALinkIsSingleUseForAnyoneElse()
    {
        var role = new StaffRole(StaffRoleKind.ConsortiumLead, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);
        var first = NewOrcid();
        var second = NewOrcid();
        await invitation.AcceptAsync(token.Secret, new InvitationAcceptor(first));

        var refused = await Assert.ThrowsAsync<InvitationRefusedException>(() => invitation.AcceptAsync(token.Secret, new InvitationAcceptor(second)));
        var again = await invitation.AcceptAsync(token.Secret, new InvitationAcceptor(first));

        Assert.Contains("used already", refused.Message);
        Assert.Empty(await Staff(second).GetRolesAsync());
        Assert.Equal(role, again.Role);
        Assert.Equal([role], await Staff(first).GetRolesAsync());
    }

    [Fact]
    public async Task ExpiredOrWrongSecretGrantsNothing()
    {
        var role = new StaffRole(StaffRoleKind.MemberAdmin, UniqueSlug.New());
        var (expired, expiredToken) = await InviteAsync(role, TimeSpan.Zero);
        var (valid, _) = await InviteAsync(role, Week);
        var orcid = NewOrcid();

        var expiredRefusal = await Assert.ThrowsAsync<InvitationRefusedException>(() => expired.AcceptAsync(expiredToken.Secret, new InvitationAcceptor(orcid)));
        var wrongSecret = await Assert.ThrowsAsync<InvitationRefusedException>(() => valid.AcceptAsync("not-the-secret", new InvitationAcceptor(orcid)));

        Assert.Contains("expired", expiredRefusal.Message);
        Assert.Contains("not valid", wrongSecret.Message);
        Assert.Empty(await Staff(orcid).GetRolesAsync());
    }

    [Fact]
    public async Task AVerifiedEmailMatchingTheInvitedAddressGrantsAtOnce()
    {
        var role = new StaffRole(StaffRoleKind.MemberAdmin, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);
        var orcid = NewOrcid();

        var accepted = await invitation.AcceptAsync(token.Secret, new InvitationAcceptor(orcid, "Admin@Example.org", EmailMustMatch: true));

        Assert.Equal(new InvitationAcceptance(role, AwaitingConfirmation: false), accepted);
        Assert.Equal([role], await Staff(orcid).GetRolesAsync());
        Assert.Empty(await Team(role).ListPendingAsync());
    }

    [Theory]
    [InlineData("someone-else@example.org")]
    [InlineData(null)]
    public async Task AnotherOrNoVerifiedEmailWaitsForConfirmationAndIsGrantedOnlyOnceConfirmed(string? signedInEmail)
    {
        var role = new StaffRole(StaffRoleKind.MemberAdmin, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);
        var orcid = NewOrcid();
        var acceptor = new InvitationAcceptor(orcid, signedInEmail, EmailMustMatch: true);

        var accepted = await invitation.AcceptAsync(token.Secret, acceptor);
        var again = await invitation.AcceptAsync(token.Secret, acceptor);

        Assert.Equal((true, true), (accepted.AwaitingConfirmation, again.AwaitingConfirmation));
        Assert.Empty(await Staff(orcid).GetRolesAsync());
        Assert.Empty(await Team(role).ListAsync());
        var pending = Assert.Single(await Team(role).ListPendingAsync());
        Assert.Equal((orcid, "admin@example.org", signedInEmail), (pending.Orcid, pending.InvitedEmail, pending.SignedInEmail));
        await Assert.ThrowsAsync<InvitationRefusedException>(() => invitation.AcceptAsync(token.Secret, new InvitationAcceptor(NewOrcid())));

        await Team(role).ConfirmAsync(orcid);

        Assert.Equal([role], await Staff(orcid).GetRolesAsync());
        Assert.Empty(await Team(role).ListPendingAsync());
        Assert.False((await invitation.AcceptAsync(token.Secret, acceptor)).AwaitingConfirmation);
    }

    [Fact]
    public async Task ADeclinedAcceptanceIsNeverGranted()
    {
        var role = new StaffRole(StaffRoleKind.ConsortiumLead, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);
        var orcid = NewOrcid();
        await invitation.AcceptAsync(token.Secret, new InvitationAcceptor(orcid, "eve@example.org", EmailMustMatch: true));

        await Team(role).DeclineAsync(orcid);

        Assert.Empty(await Team(role).ListPendingAsync());
        Assert.Empty(await Staff(orcid).GetRolesAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => Team(role).ConfirmAsync(orcid));
    }

    [Fact]
    public async Task TheTeamListsAnInvitationUntilItIsAcceptedAndThenTheMemberByNameAndAddress()
    {
        var role = new StaffRole(StaffRoleKind.MemberAdmin, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);
        var waiting = Assert.Single(await Team(role).ListInvitedAsync());
        Assert.Equal((token.Id, "admin@example.org", "test"), (waiting.Id, waiting.Email, waiting.InvitedBy));
        var orcid = NewOrcid();

        await invitation.AcceptAsync(token.Secret, new InvitationAcceptor(orcid, Name: "Ada Lovelace"));

        Assert.Empty(await Team(role).ListInvitedAsync());
        var member = Assert.Single(await Team(role).ListAsync());
        Assert.Equal((orcid, "Ada Lovelace", "admin@example.org"), (member.Orcid, member.Name, member.Email));
    }

    [Fact]
    public async Task SendingAgainGivesANewLinkAndALaterExpiryAndTheOldLinkStopsWorking()
    {
        var role = new StaffRole(StaffRoleKind.ConsortiumLead, UniqueSlug.New());
        var (invitation, old) = await InviteAsync(role, TimeSpan.FromMilliseconds(1));
        await Task.Delay(5);

        var renewed = await invitation.RenewAsync(Week);

        Assert.True(InvitationToken.TryParse(renewed.Token, out var fresh));
        Assert.Equal(old.Id, fresh.Id);
        Assert.True(renewed.View.ExpiresAt > DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal(renewed.View.ExpiresAt, Assert.Single(await Team(role).ListInvitedAsync()).ExpiresAt);
        await Assert.ThrowsAsync<InvitationRefusedException>(() => invitation.AcceptAsync(old.Secret, new InvitationAcceptor(NewOrcid())));
        var orcid = NewOrcid();
        Assert.Equal(role, (await invitation.AcceptAsync(fresh.Secret, new InvitationAcceptor(orcid))).Role);
        var afterwards = await Assert.ThrowsAsync<InvitationRefusedException>(() => invitation.RenewAsync(Week));
        Assert.Contains("accepted", afterwards.Message);
    }

    [Fact]
    public async Task ACancelledInvitationGrantsNothingAndIsNoLongerListed()
    {
        var role = new StaffRole(StaffRoleKind.MemberAdmin, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);

        await invitation.CancelAsync();
        await invitation.CancelAsync();

        Assert.Empty(await Team(role).ListInvitedAsync());
        var orcid = NewOrcid();
        var refused = await Assert.ThrowsAsync<InvitationRefusedException>(() => invitation.AcceptAsync(token.Secret, new InvitationAcceptor(orcid)));
        Assert.Contains("cancelled", refused.Message);
        Assert.Empty(await Staff(orcid).GetRolesAsync());
        await Assert.ThrowsAsync<InvitationRefusedException>(() => invitation.RenewAsync(Week));
    }

    [Fact]
    public async Task AnAcceptedInvitationCannotBeCancelled()
    {
        var role = new StaffRole(StaffRoleKind.MemberAdmin, UniqueSlug.New());
        var (invitation, token) = await InviteAsync(role, Week);
        var orcid = NewOrcid();
        await invitation.AcceptAsync(token.Secret, new InvitationAcceptor(orcid));

        await Assert.ThrowsAsync<InvitationRefusedException>(() => invitation.CancelAsync());

        Assert.Equal([role], await Staff(orcid).GetRolesAsync());
    }

    [Fact]
    public async Task MalformedEmailIsNamedAndNoInvitationIsMade()
    {
        var invitation = _grains.GetGrain<IInvitationGrain>(InvitationToken.KeyFor(InvitationGrain.NewId()));

        var invalid = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            invitation.CreateAsync(new NewInvitation("not an email", new StaffRole(StaffRoleKind.MemberAdmin, "x-org"), "test"), Week));

        Assert.Equal(nameof(NewInvitation.Email), invalid.Field);
        Assert.Null(await invitation.GetAsync());
    }

    private async Task<(IInvitationGrain Grain, InvitationToken Token)> InviteAsync(StaffRole role, TimeSpan validFor)
    {
        var invitation = _grains.GetGrain<IInvitationGrain>(InvitationToken.KeyFor(InvitationGrain.NewId()));
        var created = await invitation.CreateAsync(new NewInvitation(" admin@example.org ", role, "test"), validFor);
        Assert.Equal("admin@example.org", created.View.Email);
        Assert.True(InvitationToken.TryParse(created.Token, out var token));
        return (invitation, token);
    }

    private ITeamGrain Team(StaffRole role) => _grains.GetGrain<ITeamGrain>(TeamKey.For(role));

    private IStaffGrain Staff(string orcid) => _grains.GetGrain<IStaffGrain>(StaffKey.For(orcid));

    // A unique person per test; the grains take the iD as given by sign-in and do not parse it.
    private static string NewOrcid() => $"test-{Guid.NewGuid():N}";
}

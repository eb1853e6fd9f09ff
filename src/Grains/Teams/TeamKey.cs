using Consortium.Grains.Staff;

namespace Consortium.Grains.Teams;

/// <summary>One team per role and scope: the leads of a consortium, the admins of a member organisation.</summary>
public static class TeamKey
{
    public static string For(StaffRole role) => $"team:{role.Kind}:{role.Scope}";

    public static StaffRole RoleOf(string key)
    {
        var parts = key.Split(':', 3);
        return new StaffRole(Enum.Parse<StaffRoleKind>(parts[1]), parts[2]);
    }
}

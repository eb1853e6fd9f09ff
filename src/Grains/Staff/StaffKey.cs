namespace Consortium.Grains.Staff;

/// <summary>A person on the staff side is known by their ORCID iD (the OpenID Connect <c>sub</c>).</summary>
public static class StaffKey
{
    public static string For(string orcid) => "s:" + orcid;
}

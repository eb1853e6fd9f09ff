using System.Text.RegularExpressions;

namespace Consortium.Portal.Issuing;

/// <summary>The columns of an issuing CSV, as documented for member admins.</summary>
public static partial class BatchColumns
{
    public const string Template = "template";
    public const string ExternalId = "external_id";
    public const string Orcid = "orcid";
    public const string Email = "email";
    public const string StartDate = "start_date";
    public const string GivenNames = "given_names";
    public const string FamilyNames = "family_names";

    /// <summary>Every column, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Template, ExternalId, Orcid, Email, StartDate, GivenNames, FamilyNames];

    /// <summary>The documented column a header names, or null: case is ignored, and spaces, hyphens and underscores
    /// are the same separator, so "External ID" and "external-id" both name <see cref="ExternalId"/>.</summary>
    public static string? Match(string header)
    {
        var key = Separators().Replace(header.Trim(), "_").Trim('_').ToLowerInvariant();
        return All.FirstOrDefault(column => column == key);
    }

    [GeneratedRegex(@"[\s_-]+")]
    private static partial Regex Separators();
}

namespace Consortium.Grains.Trust;

/// <summary>How a rule recognises a qualification by its title (ORCID's <c>role-title</c>).</summary>
public enum TitleMatchMode
{
    /// <summary>The one given title, ignoring case and spacing.</summary>
    Exact,
    /// <summary>Any of the given titles, ignoring case and spacing.</summary>
    OneOf,
    /// <summary>A .NET regular expression that has to match the whole title, ignoring case.</summary>
    Pattern,
    /// <summary>The title of any of the given templates of this tenant, as they are at evaluation time.</summary>
    Template,
}

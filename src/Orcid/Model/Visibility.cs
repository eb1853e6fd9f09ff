namespace Consortium.Orcid.Model;

/// <summary>Who may read an item; the researcher decides it, not the writing client.</summary>
public enum Visibility
{
    Public,
    Limited,
    RegisteredOnly,
    Private,
}

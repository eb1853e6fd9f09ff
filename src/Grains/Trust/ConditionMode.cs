namespace Consortium.Grains.Trust;

/// <summary>How a rule combines its identifying conditions (title, organisation, external id).
/// The validity requirement is never an alternative: it always has to hold.</summary>
public enum ConditionMode
{
    All,
    Any,
}

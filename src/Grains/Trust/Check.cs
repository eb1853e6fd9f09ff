namespace Consortium.Grains.Trust;

/// <summary>One check of one qualification: whether it held, and a sentence saying so.</summary>
internal sealed record Check(CheckKind Kind, bool Held, string Reason)
{
    /// <summary>Title, organisation and external id: the conditions <see cref="TrustRule.Combine"/> combines.</summary>
    public bool Identifies => Kind is CheckKind.Title or CheckKind.Organisation or CheckKind.ExternalId;
}

using Consortium.Orcid;
using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Researchers;

/// <summary>
/// Where a person looks at an ORCID record: the registry this installation talks to (orcid.org, sandbox.orcid.org, or the
/// ORCID simulator's address in offline mode), so that "see it on ORCID" opens the record that was written. An iD as an
/// identifier (in a credential) stays ORCID's canonical URL; this is only the link a person clicks.
/// </summary>
public sealed class OrcidRecordLinks(IOptions<OrcidOptions> options)
{
    public string Record(OrcidEnvironment environment, string orcid) =>
        new Uri(options.Value.For(environment).OAuthUrl ?? throw new InvalidOperationException(
            $"Orcid:{environment}:OAuthUrl is not set."), "/" + orcid).AbsoluteUri;
}

using Consortium.Orcid.Http;
using Consortium.Orcid.OAuth;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>An ORCID environment the shared scenarios run against: the simulator, or the real sandbox.
/// <see cref="Access"/> is a researcher's token with /activities/update for <see cref="Orcid"/>.</summary>
public sealed record ConformanceTarget(OrcidClients Clients, OrcidEnvironment Environment, OrcidClientCredentials Credentials, OrcidId Orcid, OrcidAccess Access);

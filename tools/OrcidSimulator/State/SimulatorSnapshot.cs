using Consortium.Orcid.Model;

namespace Consortium.OrcidSimulator.State;

/// <summary>What a simulator keeps across a restart when it has a state file: the clients registered in it, the researchers
/// with their records and tokens, record states and webhooks. Authorization codes and queued consents are left out: they
/// live for seconds.</summary>
public sealed record SimulatorSnapshot(
    IReadOnlyList<SimClient> Clients,
    IReadOnlyList<SimResearcher> Researchers,
    IReadOnlyList<SimToken> Tokens,
    IReadOnlyList<SavedRecord> Records,
    long LastPutCode,
    IReadOnlyDictionary<string, RecordStatus> RecordStates,
    IReadOnlyList<SavedWebhook> Webhooks);

public sealed record SavedRecord(string Orcid, Visibility DefaultVisibility, IReadOnlyList<Qualification> Qualifications);

public sealed record SavedWebhook(string Orcid, Uri Callback, string ClientId, DateTimeOffset Created);

using System.Net;
using Consortium.Orcid.Model;

namespace Consortium.OrcidSimulator.State;

/// <summary>The researchers' records with ORCID's write rules: put-codes, sources, duplicate self external ids,
/// source-only changes, researcher-owned visibility. One lock, so concurrent writes see each other's items.</summary>
public sealed class RecordStore(string orcidHost, TimeProvider timeProvider)
{
    readonly Lock gate = new();
    readonly Dictionary<string, List<Qualification>> records = [];
    long lastPutCode = 100_000;

    public void CreateRecord(string orcid)
    {
        lock (gate)
        {
            records.TryAdd(orcid, []);
        }
    }

    /// <summary>Removes every item, as ORCID's clearRecord does when a record is deprecated or deactivated.</summary>
    public void Clear(string orcid)
    {
        lock (gate)
        {
            if (records.TryGetValue(orcid, out var items))
            {
                items.Clear();
            }
        }
    }

    public IReadOnlyList<Qualification>? Qualifications(string orcid)
    {
        lock (gate)
        {
            return records.TryGetValue(orcid, out var items) ? items.ToList() : null;
        }
    }

    public (long PutCode, SimFailure? Failure) Create(string orcid, WriterSource writer, Qualification qualification)
    {
        lock (gate)
        {
            if (!records.TryGetValue(orcid, out var items))
            {
                return (0, NoRecord(orcid));
            }
            if (writer.ClientId is not null && FindDuplicate(items, writer.ClientId, qualification, exceptPutCode: null) is { } existing)
            {
                return (0, Duplicate(existing));
            }
            var now = timeProvider.GetUtcNow();
            var putCode = ++lastPutCode;
            items.Add(qualification with
            {
                PutCode = putCode,
                // Visibility is the researcher's: whatever the client sent, a new item takes the record's default.
                Visibility = Visibility.Public,
                Source = SourceOf(orcid, writer),
                CreatedDate = now,
                LastModifiedDate = now,
                Path = $"/{orcid}/qualification/{putCode}",
            });
            return (putCode, null);
        }
    }

    public (Qualification? Updated, SimFailure? Failure) Update(string orcid, string clientId, long putCode, Qualification replacement)
    {
        lock (gate)
        {
            var (items, index, failure) = FindOwned(orcid, clientId, putCode);
            if (failure is not null)
            {
                return (null, failure);
            }
            var current = items![index];
            if (replacement.Visibility is { } visibility && visibility != current.Visibility)
            {
                return (null, new SimFailure(HttpStatusCode.Forbidden, 9035,
                    $"403 Forbidden: Visibility is the researcher's to change; the item is {current.Visibility}, the update asks for {visibility}."));
            }
            if (FindDuplicate(items, clientId, replacement, exceptPutCode: putCode) is { } existing)
            {
                return (null, Duplicate(existing));
            }
            var updated = replacement with
            {
                PutCode = putCode,
                Visibility = current.Visibility,
                Source = current.Source,
                CreatedDate = current.CreatedDate,
                LastModifiedDate = timeProvider.GetUtcNow(),
                Path = current.Path,
            };
            items[index] = updated;
            return (updated, null);
        }
    }

    public SimFailure? Delete(string orcid, string clientId, long putCode)
    {
        lock (gate)
        {
            var (items, index, failure) = FindOwned(orcid, clientId, putCode);
            items?.RemoveAt(index);
            return failure;
        }
    }

    (List<Qualification>? Items, int Index, SimFailure? Failure) FindOwned(string orcid, string clientId, long putCode)
    {
        if (!records.TryGetValue(orcid, out var items))
        {
            return (null, -1, NoRecord(orcid));
        }
        var index = items.FindIndex(q => q.PutCode == putCode);
        if (index < 0)
        {
            return (null, -1, new SimFailure(HttpStatusCode.NotFound, 9011,
                $"404 Not Found: No qualification with put-code {putCode} on record {orcid}."));
        }
        if (items[index].Source?.SourceClientId?.Path != clientId)
        {
            return (null, -1, new SimFailure(HttpStatusCode.Forbidden, 9010,
                $"403 Forbidden: Only the source of put-code {putCode} may change it; client {clientId} is not its source."));
        }
        return (items, index, null);
    }

    static Qualification? FindDuplicate(IEnumerable<Qualification> items, string clientId, Qualification candidate, long? exceptPutCode) =>
        items.FirstOrDefault(item =>
            item.PutCode != exceptPutCode &&
            item.Source?.SourceClientId?.Path == clientId &&
            item.SelfExternalIds.Any(own => candidate.SelfExternalIds.Any(other =>
                own.ExternalIdType == other.ExternalIdType && own.ExternalIdValue == other.ExternalIdValue)));

    // ORCID's own wording (apiError.9021), which names the existing put-code.
    static SimFailure Duplicate(Qualification existing) => new(HttpStatusCode.Conflict, 9021,
        $"409 Conflict: You have already added this activity (matched by external identifiers), please see element with put-code {existing.PutCode}. If you are trying to edit the item, please use PUT instead of POST.");

    static SimFailure NoRecord(string orcid) => new(HttpStatusCode.NotFound, 9016, $"404 Not Found: No ORCID record {orcid}.");

    Source SourceOf(string orcid, WriterSource writer) => writer.ClientId is { } clientId
        ? new Source
        {
            SourceClientId = new OrcidIdentifier($"https://{orcidHost}/client/{clientId}", clientId, orcidHost),
            SourceName = writer.Name,
        }
        : new Source
        {
            SourceOrcid = new OrcidIdentifier($"https://{orcidHost}/{orcid}", orcid, orcidHost),
            SourceName = writer.Name,
        };
}

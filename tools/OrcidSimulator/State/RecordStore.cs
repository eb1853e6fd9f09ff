using System.Net;
using Consortium.Orcid.Model;

namespace Consortium.OrcidSimulator.State;

/// <summary>The researchers' records with ORCID's write rules: put-codes, sources, duplicate self external ids,
/// source-only changes, researcher-owned visibility. One lock, so concurrent writes see each other's items.</summary>
public sealed class RecordStore(string orcidHost, TimeProvider timeProvider)
{
    readonly Lock gate = new();
    readonly Dictionary<string, List<Qualification>> records = [];
    readonly Dictionary<string, Visibility> defaultVisibilities = [];
    long lastPutCode = 100_000;

    /// <param name="defaultVisibility">The researcher's default for new activities (ORCID asks for it at registration).</param>
    public void CreateRecord(string orcid, Visibility defaultVisibility = Visibility.Public)
    {
        lock (gate)
        {
            records.TryAdd(orcid, []);
            defaultVisibilities.TryAdd(orcid, defaultVisibility);
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

    /// <param name="beforeStore">ORCID's last check, after the duplicate check: the organisation lookup.</param>
    public (long PutCode, SimFailure? Failure) Create(string orcid, WriterSource writer, Qualification qualification,
        Func<Qualification, SimFailure?>? beforeStore = null)
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
            if (beforeStore?.Invoke(qualification) is { } refused)
            {
                return (0, refused);
            }
            var now = timeProvider.GetUtcNow();
            var putCode = ++lastPutCode;
            items.Add(qualification with
            {
                PutCode = putCode,
                // Visibility is the researcher's: whatever the client sent, a new item on a claimed record takes the record's
                // default for activities (orcid-core/src/main/java/org/orcid/core/manager/v3/impl/AffiliationsManagerImpl.java,
                // setIncomingWorkPrivacy: profile.getActivitiesVisibilityDefault()).
                Visibility = defaultVisibilities.GetValueOrDefault(orcid, Visibility.Public),
                Source = SourceOf(orcid, writer),
                CreatedDate = now,
                LastModifiedDate = now,
                Path = $"/{orcid}/qualification/{putCode}",
            });
            return (putCode, null);
        }
    }

    public (Qualification? Updated, SimFailure? Failure) Update(string orcid, string clientId, long putCode, Qualification replacement,
        Func<Qualification, SimFailure?>? beforeStore = null)
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
            if (beforeStore?.Invoke(replacement) is { } refused)
            {
                return (null, refused);
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

    /// <summary>The researcher changes an item's visibility on their record, whoever its source is.</summary>
    public SimFailure? SetVisibility(string orcid, long putCode, Visibility visibility)
    {
        lock (gate)
        {
            if (!records.TryGetValue(orcid, out var items))
            {
                return NoRecord(orcid);
            }
            var index = items.FindIndex(q => q.PutCode == putCode);
            if (index < 0)
            {
                return NoItem(orcid, putCode);
            }
            items[index] = items[index] with { Visibility = visibility, LastModifiedDate = timeProvider.GetUtcNow() };
            return null;
        }
    }

    public (IReadOnlyList<SavedRecord> Records, long LastPutCode) Export()
    {
        lock (gate)
        {
            return ([.. records.OrderBy(r => r.Key).Select(r =>
                new SavedRecord(r.Key, defaultVisibilities.GetValueOrDefault(r.Key, Visibility.Public), [.. r.Value]))], lastPutCode);
        }
    }

    public void Import(IEnumerable<SavedRecord> saved, long savedLastPutCode)
    {
        lock (gate)
        {
            foreach (var record in saved)
            {
                records[record.Orcid] = [.. record.Qualifications];
                defaultVisibilities[record.Orcid] = record.DefaultVisibility;
            }
            lastPutCode = Math.Max(lastPutCode, savedLastPutCode);
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
            return (null, -1, NoItem(orcid, putCode));
        }
        if (items[index].Source?.SourceClientId?.Path != clientId)
        {
            return (null, -1, new SimFailure(HttpStatusCode.Forbidden, 9010,
                $"403 Forbidden: Only the source of put-code {putCode} may change it; client {clientId} is not its source."));
        }
        return (items, index, null);
    }

    // ORCID-Source orcid-core/src/main/java/org/orcid/core/manager/v3/validator/ActivityValidator.java,
    // checkExternalIdentifiersForDuplicates: the same source, an equal type and value, and relationships that are both self
    // or both absent (areRelationshipsSameAndSelf).
    static Qualification? FindDuplicate(IEnumerable<Qualification> items, string clientId, Qualification candidate, long? exceptPutCode) =>
        items.FirstOrDefault(item =>
            item.PutCode != exceptPutCode &&
            item.Source?.SourceClientId?.Path == clientId &&
            item.ExternalIds.Any(own => candidate.ExternalIds.Any(other =>
                own.ExternalIdType == other.ExternalIdType && own.ExternalIdValue == other.ExternalIdValue &&
                own.ExternalIdRelationship == other.ExternalIdRelationship && own.ExternalIdRelationship is null or ExternalId.SelfRelationship)));

    // ORCID's own wording (apiError.9021), which names the existing put-code.
    static SimFailure Duplicate(Qualification existing) => new(HttpStatusCode.Conflict, 9021,
        $"409 Conflict: You have already added this activity (matched by external identifiers), please see element with put-code {existing.PutCode}. If you are trying to edit the item, please use PUT instead of POST.");

    // ORCID looks the item up by iD and put-code with a JPA single-result query, whose NoResultException is 404/9016
    // (orcid-persistence/src/main/java/org/orcid/persistence/dao/impl/OrgAffiliationRelationDaoImpl.java getOrgAffiliationRelation;
    // orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java), not 9011 (OrcidNotFoundException).
    public static SimFailure NoItem(string orcid, long putCode) =>
        new(HttpStatusCode.NotFound, 9016, $"404 Not Found: No qualification with put-code {putCode} on record {orcid}.");

    public static SimFailure NoRecord(string orcid) => new(HttpStatusCode.NotFound, 9016, $"404 Not Found: No ORCID record {orcid}.");

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

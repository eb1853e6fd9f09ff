using System.Collections.Concurrent;

namespace Consortium.Bench;

/// <summary>Counts the calls to Consortium's grains a silo serves, and which method each was, so a benchmark can say how many
/// one unit of work costs and where they go. Orleans' own (timer ticks, membership, reminders) are left out.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);

    public long Calls => _byMethod.Values.Sum();

    /// <summary>Calls per interface method (<c>IIssuanceGrain.ProcessAsync</c>), most first.</summary>
    public IReadOnlyList<(string Method, long Calls)> ByMethod =>
        [.. _byMethod.Select(m => (m.Key, m.Value)).OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal)];

    public void Reset() => _byMethod.Clear();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType?.Namespace?.StartsWith("Consortium.", StringComparison.Ordinal) != true)
        {
            return context.Invoke();
        }
        _byMethod.AddOrUpdate($"{context.InterfaceMethod?.DeclaringType?.Name}.{context.InterfaceMethod?.Name}", 1, (_, calls) => calls + 1);
        return context.Invoke();
    }
}

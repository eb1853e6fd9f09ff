using System.Collections.Concurrent;

namespace Consortium.OrcidSimulator.State;

/// <summary>Callback URLs registered per record.</summary>
public sealed class WebhookRegistry
{
    readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> callbacks = new();

    public void Register(string orcid, Uri callback) => callbacks.GetOrAdd(orcid, _ => new())[callback.AbsoluteUri] = 0;

    public bool Unregister(string orcid, Uri callback) =>
        callbacks.TryGetValue(orcid, out var set) && set.TryRemove(callback.AbsoluteUri, out _);

    public IReadOnlyList<Uri> CallbacksOf(string orcid) =>
        callbacks.TryGetValue(orcid, out var set) ? set.Keys.Select(url => new Uri(url)).ToList() : [];
}

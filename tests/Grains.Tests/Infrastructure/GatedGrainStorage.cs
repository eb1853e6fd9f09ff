using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;

namespace Consortium.Grains.Tests.Infrastructure;

/// <summary>The silo's real grain storage behind a <see cref="StateWriteGate"/>: once the gate caught one of its writes,
/// this silo stores nothing more (that write included), as a process that died would not.</summary>
public sealed class GatedGrainStorage(IGrainStorage storage, StateWriteGate gate) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private bool dead;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        storage.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        dead = dead || gate.Catches(stateName);
        return dead ? Died() : storage.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        dead ? Died() : storage.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (storage as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static Task Died() => Task.FromException(new IOException("The silo died before this write reached the disk."));

    /// <summary>Puts the gate in front of the silo's <see cref="GrainStorage.Name"/> storage; call after the storage is configured.</summary>
    public static void UseStateWriteGate(ISiloBuilder silo, StateWriteGate gate)
    {
        var real = silo.Services.Single(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, GrainStorage.Name));
        silo.Services.Remove(real);
        silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, key) =>
            new GatedGrainStorage((IGrainStorage)real.KeyedImplementationFactory!(services, key), gate));
    }
}

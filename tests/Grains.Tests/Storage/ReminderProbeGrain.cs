using System.Threading.Channels;

namespace Consortium.Grains.Tests.Storage;

[Alias("IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task StartAsync(TimeSpan dueTime, TimeSpan period);
}

/// <summary>A grain whose reminder ticks are reported, with the silo that received them, to the test.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public static Channel<(string Key, string Silo)> Ticks { get; } = Channel.CreateUnbounded<(string, string)>();

    public Task StartAsync(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder("probe", dueTime, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.Writer.TryWrite((this.GetPrimaryKeyString(), RuntimeIdentity));
        return Task.CompletedTask;
    }
}

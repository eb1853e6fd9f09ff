namespace Consortium.Grains.Tests.Infrastructure;

/// <summary>
/// A phase barrier at the storage boundary: once armed, it lets a number of writes of the named state pass, catches the
/// next one, and from then on the silo that attempted it stores nothing, as if the process died with that write on its
/// way to the disk. Silos started later store normally. Wired into a silo by <see cref="GatedGrainStorage.UseStateWriteGate"/>.
/// </summary>
public sealed class StateWriteGate
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private string? stateName;
    private int toPass;

    /// <summary>Completes when the caught write has been attempted.</summary>
    public Task Reached => reached.Task;

    public void Arm(string stateToCatch, int writesToPass)
    {
        lock (gate)
        {
            (stateName, toPass) = (stateToCatch, writesToPass);
        }
    }

    /// <returns>Whether this write is the one to catch (the gate is then spent).</returns>
    internal bool Catches(string writtenState)
    {
        lock (gate)
        {
            if (stateName is null || writtenState != stateName || toPass-- > 0)
            {
                return false;
            }
            stateName = null;
        }
        reached.TrySetResult();
        return true;
    }
}

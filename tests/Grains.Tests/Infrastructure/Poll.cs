namespace Consortium.Grains.Tests.Infrastructure;

public static class Poll
{
    /// <summary>Checks <paramref name="condition"/> until it holds; fails with a timeout after <paramref name="timeout"/> (60 s).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(100, cancel.Token);
        }
    }
}

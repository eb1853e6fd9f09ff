using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>Keeps what the ORCID client logs, so tests can check retries happened and that no secret was written.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => entries.ToList();

    public IReadOnlyList<string> Retries => entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("; retry ")).Select(e => e.Message).ToList();

    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(entries);

    public void Dispose()
    {
    }

    sealed class Recorder(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}

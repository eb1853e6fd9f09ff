using System.Diagnostics.Metrics;
using Consortium.Portal.Live;

namespace Consortium.Portal.Tests.Browser;

/// <summary>Counts one tenant's live pushes and reads of one page (<see cref="LiveUpdateMetrics"/>), as they are made.</summary>
public sealed class LiveUpdateCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _tenant;
    private readonly string _view;
    private long _pushes;
    private long _reads;

    public LiveUpdateCounts(string tenant, string view)
    {
        _tenant = tenant;
        _view = view;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LiveUpdateMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(Measured);
        _listener.Start();
    }

    public long Pushes => Interlocked.Read(ref _pushes);

    public long Reads => Interlocked.Read(ref _reads);

    private void Measured(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? tenant = null, view = null;
        foreach (var (key, tag) in tags)
        {
            tenant = key == "tenant" ? tag as string : tenant;
            view = key == "view" ? tag as string : view;
        }
        if (tenant != _tenant || view != _view)
        {
            return;
        }
        if (instrument.Name == "consortium.live.pushes")
        {
            Interlocked.Add(ref _pushes, value);
        }
        else if (instrument.Name == "consortium.live.reads")
        {
            Interlocked.Add(ref _reads, value);
        }
    }

    public void Dispose() => _listener.Dispose();
}

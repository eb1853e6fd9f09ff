namespace Consortium.OrcidSimulator.State;

/// <summary>Who writes an item: a client (by id and name), or the researcher (self-asserted) when <see cref="ClientId"/> is null.</summary>
public sealed record WriterSource(string? ClientId, string Name);

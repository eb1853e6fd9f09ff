using System.Text.Json.Serialization;
using Consortium.Orcid;
using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Batches;

/// <summary>An applied CSV upload, kept so its result (each line's status and put-code) can be downloaded later.</summary>
[GenerateSerializer, Immutable, Alias("BatchRecord")]
public sealed record BatchRecord(
    [property: Id(0)] string Id,
    [property: Id(2)] string FileName,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] IReadOnlyList<BatchLine> Lines)
{
    /// <summary>Stored by its wire name under the [Id] it has always had, so state written while it was a string still reads.</summary>
    [Id(1), JsonIgnore] public string EnvironmentName { get; init; } = "";

    public OrcidEnvironment Environment { get => OrcidEnvironmentName.FromName(EnvironmentName); init => EnvironmentName = value.Name(); }

    /// <summary>How many of the accepted rows have their issuance created so far; null in batches stored before creation moved
    /// to the background, which created them all (<see cref="CreatedRows"/>).</summary>
    [Id(6)] public int? Created { get; init; }

    public int CreatedRows => Created ?? Accepted;

    /// <summary>Why the rest of the rows were not created (the environment closed, a template was deleted), once that happened.</summary>
    [Id(7)] public string? Stopped { get; init; }

    /// <summary>The rows that passed the checks: each has its issuance id from the start.</summary>
    public int Accepted => Lines.Count(line => line.IssuanceId is not null);

    /// <summary>Rows still to be created; none once stopped.</summary>
    public bool Creating => Stopped is null && CreatedRows < Accepted;
}

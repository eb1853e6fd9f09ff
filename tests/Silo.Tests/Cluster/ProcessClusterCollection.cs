namespace Consortium.Silo.Tests.Cluster;

/// <summary>Tests that start a cluster of processes run one at a time and alone, after the assembly's other tests: each starts
/// five or six processes, which two cores shared with parallel tests would starve.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessClusterCollection
{
    public const string Name = "Process cluster";
}

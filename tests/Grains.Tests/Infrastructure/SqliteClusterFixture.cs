namespace Consortium.Grains.Tests.Infrastructure;

/// <summary>One cluster shared by the tests of a collection; tests use unique grain keys.</summary>
public sealed class SqliteClusterFixture : IAsyncLifetime
{
    public SqliteTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await SqliteTestCluster.StartAsync();

    public Task DisposeAsync() => Cluster.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SqliteClusterCollection : ICollectionFixture<SqliteClusterFixture>
{
    public const string Name = "SQLite cluster";
}

/// <summary>For load tests: runs alone, after the parallel collections, so the machine's other tests do not eat its time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteLoadCollection : ICollectionFixture<SqliteClusterFixture>
{
    public const string Name = "SQLite cluster, alone";
}

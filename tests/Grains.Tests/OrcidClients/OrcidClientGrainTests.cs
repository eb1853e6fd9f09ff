using System.Text;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Consortium.Grains.Tests.OrcidClients;

[Collection(SqliteClusterCollection.Name)]
public sealed class OrcidClientGrainTests(SqliteClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Cluster.Client;

    [Fact]
    public async Task SecretIsStoredEncryptedAndShownOnlyAsItsLastFourCharacters()
    {
        var secret = $"secret-{Guid.NewGuid():N}";
        var client = _grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(UniqueSlug.New(), OrcidEnvironmentName.Sandbox));

        var stored = await client.StoreAsync("APP-ABCDEFGHIJ123456", secret, DateTimeOffset.UtcNow);

        Assert.Equal(("sandbox", "APP-ABCDEFGHIJ123456", "…" + secret[^4..]), (stored.Environment, stored.ClientId, stored.SecretHint));
        Assert.Equal(stored, await client.GetAsync());
        Assert.False(await DatabaseContainsAsync(secret), "The client secret is in the database in plain text.");
        Assert.True(await DatabaseContainsAsync("APP-ABCDEFGHIJ123456"), "The scan should find what is stored in the clear.");
    }

    [Theory]
    [InlineData("not-a-client", "long-enough-secret", "clientId")]
    [InlineData("APP-ABCDEFGHIJ123456", "short", "clientSecret")]
    public async Task MalformedCredentialsAreNamedAndNothingIsStored(string clientId, string secret, string field)
    {
        var client = _grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(UniqueSlug.New(), OrcidEnvironmentName.Production));

        var invalid = await Assert.ThrowsAsync<InvalidFieldException>(() => client.StoreAsync(clientId, secret, DateTimeOffset.UtcNow));

        Assert.Equal(field, invalid.Field);
        Assert.Null(await client.GetAsync());
    }

    /// <summary>Grain state is binary: look for the text's UTF-8 bytes in every row of grain state.</summary>
    private async Task<bool> DatabaseContainsAsync(string text)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Cluster.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var needle = Encoding.UTF8.GetBytes(text);
        while (await reader.ReadAsync())
        {
            if (((byte[])reader[0]).AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;
using Consortium.Silo.Hosting;
using Consortium.Silo.KeyRing;
using Consortium.Silo.Storage;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Consortium.Silo.Tests.Storage;

/// <summary>
/// The Data Protection key ring is stored next to the secrets it protects, so it is encrypted with a key-encryption key
/// (KEK) that is not in the database: a copy of the database decrypts nothing without the KEK, and everything with it.
/// </summary>
public sealed class KeyRingAtRestTests
{
    [Theory]
    [InlineData(HostingMode.Embedded, "key")]
    [InlineData(HostingMode.Embedded, "certificate")]
    [InlineData(HostingMode.Cluster, "key")]
    public async Task ACopyOfTheDatabaseDecryptsNothingWithoutTheKeyEncryptionKey(HostingMode mode, string kek)
    {
        await using var sandbox = OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Sandbox });
        await sandbox.StartAsync();
        using var controls = new SimulatorControls(sandbox.Address());
        await using var original = await Installation.CreateAsync(mode);
        var protection = kek == "key" ? KeySettings() : CertificateSettings();

        string token;
        using (var host = await original.StartAsync(sandbox.Address(), protection))
        {
            (_, _, token) = await StoredSecrets.StoreAsync(host.Services.GetRequiredService<IGrainFactory>(), controls);
            await host.StopAsync();
        }
        await using var copy = await original.CopyAsync();

        // As stored, every key of the ring is encrypted: no master key in the clear.
        var ring = copy.KeyRing();
        Assert.NotEmpty(ring);
        Assert.All(ring, key =>
        {
            Assert.DoesNotContain(key.Descendants(), element => element.Name.LocalName == "masterKey");
            Assert.Single(key.Descendants(), element => element.Name.LocalName == "encryptedSecret");
        });

        // With the KEK, the copy decrypts the secret and the token.
        using (var owner = await copy.StartAsync(sandbox.Address(), protection))
        {
            var grains = owner.Services.GetRequiredService<IGrainFactory>();
            Assert.Equal(token, await StoredSecrets.ReadTokenAsync(grains));
            Assert.NotNull(await StoredSecrets.UseClientSecretAsync(grains));
            await owner.StopAsync();
        }

        // A fresh setup reading the copy with a KEK of its own (not the installation's) decrypts neither.
        using (var thief = await copy.StartAsync(sandbox.Address(), KeySettings()))
        {
            var grains = thief.Services.GetRequiredService<IGrainFactory>();
            await Assert.ThrowsAsync<CryptographicException>(() => StoredSecrets.ReadTokenAsync(grains));
            await Assert.ThrowsAsync<CryptographicException>(() => StoredSecrets.UseClientSecretAsync(grains));
            await thief.StopAsync();
        }
    }

    [Fact]
    public async Task AStartOutsideDevelopmentWithoutAKeyEncryptionKeyRefusesAndNamesTheSetting()
    {
        await using var installation = await Installation.CreateAsync(HostingMode.Embedded);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            installation.StartAsync(new Uri("http://127.0.0.1:9/"), new() { ["DataProtection:KeyEncryptionKey"] = "" }));

        Assert.Contains("DataProtection:KeyEncryptionKey is not set", refused.Message);
        Assert.Contains("DataProtection:Certificate:Path", refused.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DevelopmentMakesItsOwnKeyFileNextToTheDatabaseReadableByItsOwnerOnly()
    {
        await using var installation = await Installation.CreateAsync(HostingMode.Embedded);
        var keyFile = Path.Combine(installation.DataDirectory, KeyRingProtection.DevelopmentKeyFileName);

        using (var first = await installation.StartAsync(new Uri("http://127.0.0.1:9/"), new() { ["DataProtection:KeyEncryptionKey"] = "" }, "Development"))
        {
            await first.StopAsync();
        }
        var made = await File.ReadAllTextAsync(keyFile);
        using (var second = await installation.StartAsync(new Uri("http://127.0.0.1:9/"), new() { ["DataProtection:KeyEncryptionKey"] = "" }, "Development"))
        {
            await second.StopAsync();
        }

        Assert.Equal(32, Convert.FromBase64String(made).Length);
        Assert.Equal(made, await File.ReadAllTextAsync(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.All(installation.KeyRing(), key => Assert.DoesNotContain(key.Descendants(), element => element.Name.LocalName == "masterKey"));
    }

    private static Dictionary<string, string?> KeySettings() =>
        new() { ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    /// <summary>A PEM certificate and key in files, as a mounted Kubernetes TLS secret gives them.</summary>
    private static Dictionary<string, string?> CertificateSettings()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Consortium key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "consortium-tests", $"kek-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(folder, "tls.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "tls.key"), rsa.ExportPkcs8PrivateKeyPem());
        return new()
        {
            ["DataProtection:KeyEncryptionKey"] = "",
            ["DataProtection:Certificate:Path"] = Path.Combine(folder, "tls.crt"),
            ["DataProtection:Certificate:KeyPath"] = Path.Combine(folder, "tls.key"),
        };
    }

    /// <summary>One installation's database: a SQLite file in a data folder (embedded mode) or a PostgreSQL database (cluster mode).</summary>
    private sealed class Installation : IAsyncDisposable
    {
        private readonly HostingMode _mode;
        private readonly PostgresTestDatabase? _postgres;

        private Installation(HostingMode mode, string dataDirectory, PostgresTestDatabase? postgres) =>
            (_mode, DataDirectory, _postgres) = (mode, dataDirectory, postgres);

        public string DataDirectory { get; }

        private string SqlitePath => Path.Combine(DataDirectory, "consortium.db");

        public static async Task<Installation> CreateAsync(HostingMode mode) => new(mode, NewDataDirectory(),
            mode == HostingMode.Cluster ? await PostgresTestDatabase.CreateAsync() : null);

        public Task<IHost> StartAsync(Uri sandbox, Dictionary<string, string?> protection, string environment = "Testing")
        {
            var settings = ConsortiumHosts.SandboxSettings(sandbox);
            settings["Orleans:DataDirectory"] = DataDirectory;
            foreach (var (key, value) in protection)
            {
                settings[key] = value;
            }
            return ConsortiumHosts.StartAsync(_mode, _postgres?.ConnectionString ?? "", $"keyring-{Guid.NewGuid():N}", settings, environment);
        }

        /// <summary>The database files as someone who copied them would have them, without anything else of this machine.</summary>
        public async Task<Installation> CopyAsync()
        {
            if (_postgres is not null)
            {
                return new Installation(_mode, NewDataDirectory(), await _postgres.CopyAsync());
            }
            SqliteConnection.ClearAllPools();
            var copy = new Installation(_mode, NewDataDirectory(), null);
            foreach (var file in Directory.GetFiles(DataDirectory, "consortium.db*"))
            {
                File.Copy(file, Path.Combine(copy.DataDirectory, Path.GetFileName(file)));
            }
            return copy;
        }

        /// <summary>The key ring's entries as stored.</summary>
        public IReadOnlyCollection<System.Xml.Linq.XElement> KeyRing()
        {
            var dataSource = _postgres is null ? (System.Data.Common.DbDataSource)new GatedSqliteDataSource(SqlitePath) : Npgsql.NpgsqlDataSource.Create(_postgres.ConnectionString);
            using (dataSource)
            {
                return new DatabaseXmlRepository(new ConsortiumDatabase(_mode.ToString(), "copy", dataSource), schema: null).GetAllElements();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }
        }

        private static string NewDataDirectory() =>
            Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "consortium-tests", $"keyring-{Guid.NewGuid():N}")).FullName;
    }
}

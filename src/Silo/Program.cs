using Consortium.Silo.Dashboard;
using Consortium.Silo.Email;
using Consortium.Silo.Health;
using Consortium.Silo.Hosting;
using Consortium.Silo.Observability;
using Consortium.Silo.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

// The cluster silo: `dotnet run --project src/Silo` (PostgreSQL from ConnectionStrings:Consortium), with its health
// endpoints (and, when configured, the operators' dashboard) on `Urls` (http://localhost:8081);
// or `dotnet run --project src/Silo -- migrate` to apply the schema and exit.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration["Orleans:Mode"] ??= nameof(HostingMode.Cluster);

if (args.FirstOrDefault() == "migrate")
{
    var connectionString = builder.Configuration.GetConnectionString("Consortium")
        ?? throw new InvalidOperationException("migrate needs a PostgreSQL connection string in ConnectionStrings:Consortium.");
    builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
    builder.Services.AddSingleton<PostgresMigrator>();
    await using var migration = builder.Build();
    var applied = await migration.Services.GetRequiredService<PostgresMigrator>().MigrateAsync(CancellationToken.None);
    Console.WriteLine(applied.Count == 0 ? "The schema is current." : $"Applied: {string.Join(", ", applied)}");
    return;
}

var hosting = builder.AddConsortiumOrleans();
builder.UseKubernetesHostingWhenConfigured(hosting);
// The outbox grains run here, so this silo sends their mail.
builder.AddEmail();
builder.AddObservability("consortium-silo");
builder.AddOperatorDashboard();

var app = builder.Build();
app.MapHealthEndpoints();
app.MapOperatorDashboard();
await app.RunAsync();

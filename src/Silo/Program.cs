using Consortium.Silo.Email;
using Consortium.Silo.Hosting;
using Consortium.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

// The cluster silo: `dotnet run --project src/Silo` (PostgreSQL from ConnectionStrings:Consortium),
// or `dotnet run --project src/Silo -- migrate` to apply the schema and exit.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration["Orleans:Mode"] ??= nameof(HostingMode.Cluster);

if (args.FirstOrDefault() == "migrate")
{
    var connectionString = builder.Configuration.GetConnectionString("Consortium")
        ?? throw new InvalidOperationException("migrate needs a PostgreSQL connection string in ConnectionStrings:Consortium.");
    builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
    builder.Services.AddSingleton<PostgresMigrator>();
    using var host = builder.Build();
    var applied = await host.Services.GetRequiredService<PostgresMigrator>().MigrateAsync(CancellationToken.None);
    Console.WriteLine(applied.Count == 0 ? "The schema is current." : $"Applied: {string.Join(", ", applied)}");
    return;
}

builder.AddConsortiumOrleans();
// The outbox grains run here, so this silo sends their mail.
builder.AddEmail();
await builder.Build().RunAsync();

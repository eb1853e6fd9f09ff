using Consortium.OrcidSimulator;

// One simulated ORCID environment: `dotnet run --project tools/OrcidSimulator [-- --url http://localhost:5081 --environment sandbox]`.
var options = new OrcidSimulatorOptions();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--url": options.Url = args[i + 1]; break;
        case "--environment": options.Environment = args[i + 1]; break;
    }
}
var simulator = OrcidSimulatorApp.Build(options);
await simulator.StartAsync();
Console.WriteLine($"ORCID simulator ({options.Environment}) at {simulator.Address()}");
await simulator.WaitForShutdownAsync();

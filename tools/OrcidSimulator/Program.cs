using Consortium.OrcidSimulator;

// A standalone sandbox simulator on http://localhost:5081. Options come from the command line by configuration binding
// (`--Urls=http://127.0.0.1:5099`, `--Environment=Production`, `--SeedDemoResearchers=false`); a bare URL still works.
var bareUrl = args.FirstOrDefault(arg => !arg.StartsWith('-') && Uri.IsWellFormedUriString(arg, UriKind.Absolute));
var configuration = new ConfigurationBuilder().AddCommandLine(args.Where(arg => arg != bareUrl).ToArray()).Build();
var options = configuration.Get<OrcidSimulatorOptions>() ?? new OrcidSimulatorOptions();
if (bareUrl is not null)
{
    options = options with { Urls = bareUrl };
}
OrcidSimulatorApp.Build(options).Run();

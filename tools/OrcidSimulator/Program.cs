using Consortium.OrcidSimulator;

// A standalone sandbox simulator on http://localhost:5081; pass a URL to listen elsewhere.
var options = args.Length > 0 ? new OrcidSimulatorOptions { Urls = args[0] } : new OrcidSimulatorOptions();
OrcidSimulatorApp.Build(options).Run();

using Consortium.StripeSimulator;

// A standalone Stripe look-alike on http://localhost:5083. Options come from the command line by configuration binding
// (`--Urls=http://127.0.0.1:5099`, `--WebhookUrl=http://localhost:5080/webhooks/stripe`, `--WebhookSecret=whsec_...`).
var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
var options = configuration.Get<StripeSimulatorOptions>() ?? new StripeSimulatorOptions();
StripeSimulatorApp.Build(options).Run();

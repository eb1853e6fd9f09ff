var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "ORCID simulator");
app.Run();

using Consortium.Portal.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddConsortiumPortal();

var app = builder.Build();
app.UseConsortiumPortal();
app.Run();

using CaseDesk.App.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCaseDesk();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCaseDesk();
app.Run();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;

using CaseDesk.App.Hosting;

if (args is ["backup", var backupFile, ..])
    return await BackupCommand.RunAsync(backupFile, args[2..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddCaseDesk();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCaseDesk();
app.Run();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;

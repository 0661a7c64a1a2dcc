using CaseDesk.Domain;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Browser;

/// <summary>The domain on the running app's database file: to arrange data the UI flow starts from, and to check what it stored.</summary>
public sealed class DomainAccess(AppProcess app) : IAsyncDisposable
{
    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = app.DatabasePath }.ToString();
    private ServiceProvider? services;

    private ServiceProvider Services => services ??= BuildServices();

    private ServiceProvider BuildServices()
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddCaseDeskDomain(connectionString);
        // The app's keys, so personal codes stored here open in the app (and the other way round).
        collection.AddDataProtection().SetApplicationName("CaseDesk").PersistKeysToFileSystem(new DirectoryInfo(app.KeysFolder));
        return collection.BuildServiceProvider();
    }

    public Task<T> SendAsync<T>(IRequest<T> request) => Services.GetRequiredService<ICaseDeskSender>().Send(request, Caller.System);

    public async Task<T> ReadAsync<T>(Func<CaseDeskDb, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CaseDeskDb>());
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
            await services.DisposeAsync();
    }

    public Task<string> UserIdAsync(string userName) =>
        ReadAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseDesk.Domain.Data;

/// <summary>
/// Every connection waits for a busy database instead of Microsoft.Data.Sqlite's 150 ms sleep
/// loop (STACK.md measured p99 ~300 ms and "database is locked" without it), and enforces
/// foreign keys. WAL is a property of the file and is set once by <see cref="DatabaseInitializer"/>.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Data.Common;
using CaseDesk.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseDesk.Domain.Data;

/// <summary>
/// Gives every SQLite connection of the context the collation <see cref="CaseDeskDb.LithuanianCollation"/>, in
/// <see cref="LithuanianOrder"/>, the order of PostgreSQL's ICU <c>lt-LT</c> collation of the same name: lists sorted by
/// name come out the same on both engines. The stored schema does not name it (the queries do, see
/// <see cref="CaseDeskDb.LithuanianCollation"/>), so the sqlite3 shell, the backup check and other tools open the file as before.
/// </summary>
internal sealed class SqliteLithuanianCollation : DbConnectionInterceptor
{
    public static void Register(SqliteConnection connection) =>
        connection.CreateCollation(CaseDeskDb.LithuanianCollation, LithuanianOrder.Instance.Compare);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite) Register(sqlite);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite) Register(sqlite);
        return Task.CompletedTask;
    }
}

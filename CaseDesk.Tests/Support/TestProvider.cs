using CaseDesk.Domain.Data;
using Npgsql;

namespace CaseDesk.Tests.Support;

/// <summary>
/// The engine the database tests run on: SQLite unless <c>CASEDESK_TEST_PROVIDER=Postgres</c>, then on the server of
/// <c>CASEDESK_TEST_POSTGRES</c> (e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>; scripts/postgres-local starts one).
/// Each test gets its own database there.
/// </summary>
public static class TestProvider
{
    public static DatabaseProvider Current { get; } = Read();

    private static DatabaseProvider Read()
    {
        // The same names and the same message for an unknown one as the app's Database:Provider.
        var value = Environment.GetEnvironmentVariable("CASEDESK_TEST_PROVIDER");
        var provider = DatabaseSettings.ParseProvider(value);
        if (provider == DatabaseProvider.Postgres)
            _ = Server();
        return provider;
    }

    private static string Server() =>
        Environment.GetEnvironmentVariable("CASEDESK_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "CASEDESK_TEST_PROVIDER=Postgres needs CASEDESK_TEST_POSTGRES, e.g. Host=127.0.0.1;Port=55432;Username=postgres (scripts/postgres-local start).");

    /// <summary>The test server's connection string with this database name.</summary>
    public static string PostgresDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ToString();

    /// <summary>For tests of what only a SQLite file has (its pragmas, backup, crash safety of the file): skipped on PostgreSQL with the reason.</summary>
    public static void SkipUnlessSqlite(string because) =>
        Skip.If(Current != DatabaseProvider.Sqlite, $"SQLite only: {because}");
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseDesk.Domain.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which engine holds the data (<c>Database:Provider</c>, SQLite unless set) and its connection string
/// (<c>ConnectionStrings:CaseDesk</c>). <see cref="From"/> checks both at start-up and says what to fix.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The assembly that holds the PostgreSQL migrations (the SQLite ones live beside the context).</summary>
    public const string PostgresMigrationsAssembly = "CaseDesk.Migrations.Postgres";

    public static DatabaseSettings Sqlite(string? connectionString) => From(null, connectionString);

    public static DatabaseSettings From(string? provider, string? connectionString)
    {
        var chosen = ParseProvider(provider);
        return chosen switch
        {
            DatabaseProvider.Postgres => new(chosen, CheckPostgres(connectionString)),
            _ => new(chosen, CheckSqlite(connectionString)),
        };
    }

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>One model, two migration sets: SQLite's beside the context, PostgreSQL's in <see cref="PostgresMigrationsAssembly"/>.</summary>
    public DbContextOptionsBuilder Apply(DbContextOptionsBuilder options) => Provider switch
    {
        DatabaseProvider.Postgres => options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => options.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas(), new SqliteLithuanianCollation()),
    };

    /// <summary>Where the data is, for the console and error messages: never the password.</summary>
    public string Describe()
    {
        if (IsSqlite)
            return $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {pg.Host}:{pg.Port}, database {pg.Database ?? pg.Username}, user {pg.Username}";
    }

    public static DatabaseProvider ParseProvider(string? provider)
    {
        if (string.IsNullOrWhiteSpace(provider))
            return DatabaseProvider.Sqlite;
        return provider.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"Database:Provider is '{provider}', which CaseDesk does not know. Valid values: Sqlite (the default) or Postgres. " +
                "Set it in appsettings.json or the environment variable Database__Provider."),
        };
    }

    private static string CheckPostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:CaseDesk is not set. Set it in appsettings.json or the environment " +
                "variable ConnectionStrings__CaseDesk, e.g. \"Host=db.example.lt;Port=5432;Database=casedesk;Username=casedesk;Password=...\".");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:CaseDesk is not a valid PostgreSQL connection string: {e.Message} " +
                "(Database:Provider is Postgres; for SQLite, remove it or set it to Sqlite).", e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new InvalidOperationException("ConnectionStrings:CaseDesk names no PostgreSQL server (Host=...).");
        return connectionString;
    }

    private static string CheckSqlite(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "ConnectionStrings:CaseDesk is not set. Set it in appsettings.json or the environment " +
                "variable ConnectionStrings__CaseDesk, e.g. \"Data Source=App_Data/casedesk.db\".");
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:CaseDesk is not a valid SQLite connection string: {e.Message} " +
                "(for PostgreSQL, also set Database:Provider=Postgres).", e);
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new InvalidOperationException("ConnectionStrings:CaseDesk names no database file (Data Source=...).");
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                try
                {
                    Directory.CreateDirectory(directory);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new InvalidOperationException($"ConnectionStrings:CaseDesk: cannot create the database folder '{directory}': {e.Message}", e);
                }
            }
        }
        return connectionString;
    }
}

using System.Data.Common;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>Searches every text column of every table of the database for strings, the way someone holding the file (or a dump) could.</summary>
public static class DatabaseScan
{
    public sealed record Hit(string Table, string Column, string Needle);

    /// <param name="except">Columns to leave out, as "Table.Column".</param>
    public static async Task<List<Hit>> FindAsync(TestDatabase database, IEnumerable<string> needles, params string[] except)
    {
        var hits = new List<Hit>();
        await using var db = database.OpenDb();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sqlite = database.IsSqlite;
        var tables = await ListAsync(connection, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
        Assert.Contains("Clients", tables);
        var needleList = needles.Where(n => n.Length > 0).Distinct().ToList();
        foreach (var table in tables)
        {
            var columns = await ListAsync(connection, sqlite
                ? $"SELECT name FROM pragma_table_info('{table}')"
                : $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'");
            foreach (var column in columns.Where(c => !except.Contains($"{table}.{c}")))
            {
                foreach (var needle in needleList)
                {
                    // Every column, whatever its declared type (SQLite stores any value in any column), as text. lower() folds
                    // ASCII on SQLite; on PostgreSQL every letter, under one collation for both sides (a column's own, e.g. "C",
                    // would fold differently from the needle's).
                    await using var find = connection.CreateCommand();
                    find.CommandText = sqlite
                        ? $"SELECT 1 FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower(@needle)) > 0 LIMIT 1"
                        : $"SELECT 1 FROM \"{table}\" WHERE strpos(lower(CAST(\"{column}\" AS text) COLLATE \"und-x-icu\"), lower(CAST(@needle AS text) COLLATE \"und-x-icu\")) > 0 LIMIT 1";
                    var parameter = find.CreateParameter();
                    parameter.ParameterName = "needle";
                    parameter.Value = needle;
                    find.Parameters.Add(parameter);
                    if (await find.ExecuteScalarAsync() is not null)
                        hits.Add(new Hit(table, column, needle));
                }
            }
        }
        return hits;
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        var names = new List<string>();
        await using var list = connection.CreateCommand();
        list.CommandText = sql;
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }
}

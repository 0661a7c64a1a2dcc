using Microsoft.Data.Sqlite;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>Searches every text column of every table of a database file for strings, the way someone holding the file could.</summary>
public static class DatabaseScan
{
    public sealed record Hit(string Table, string Column, string Needle);

    /// <param name="except">Columns to leave out, as "Table.Column".</param>
    public static async Task<List<Hit>> FindAsync(string connectionString, IEnumerable<string> needles, params string[] except)
    {
        var hits = new List<Hit>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        Assert.Contains("Clients", tables);
        var needleList = needles.Where(n => n.Length > 0).Distinct().ToList();
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    columns.Add(reader.GetString(0));
            }
            foreach (var column in columns.Where(c => !except.Contains($"{table}.{c}")))
            {
                foreach (var needle in needleList)
                {
                    // Every column, whatever its declared type: SQLite stores any value in any column. instr is case-sensitive; lower() folds ASCII.
                    await using var find = connection.CreateCommand();
                    find.CommandText = $"SELECT 1 FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($needle)) > 0 LIMIT 1";
                    find.Parameters.AddWithValue("$needle", needle);
                    if (await find.ExecuteScalarAsync() is not null)
                        hits.Add(new Hit(table, column, needle));
                }
            }
        }
        return hits;
    }
}

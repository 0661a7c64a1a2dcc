using System.Data.Common;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseDesk.Domain.Demo;

/// <summary>
/// Writes constructed entities straight into their tables with one prepared INSERT per entity type,
/// in large transactions, bypassing the change tracker (about 20x faster than SaveChanges for a million
/// rows). Table, columns and value conversions come from the EF model, so the rows are exactly what
/// EF would write; foreign keys stay enforced.
/// </summary>
internal sealed class BulkWriter : IAsyncDisposable
{
    private readonly CaseDeskDb db;
    private readonly DbConnection connection;
    private readonly int rowsPerTransaction;
    private readonly Dictionary<Type, TableInsert> inserts = [];
    private readonly string restorePragmas;
    private DbTransaction transaction;
    private int pending;
    private bool disposed;

    private BulkWriter(CaseDeskDb db, DbConnection connection, int rowsPerTransaction, string restorePragmas)
    {
        this.db = db;
        this.connection = connection;
        this.rowsPerTransaction = rowsPerTransaction;
        this.restorePragmas = restorePragmas;
        transaction = connection.BeginTransaction();
    }

    public long Rows { get; private set; }

    public static async Task<BulkWriter> OpenAsync(CaseDeskDb db, int rowsPerTransaction = 50_000, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "SELECT (SELECT synchronous FROM pragma_synchronous), (SELECT cache_size FROM pragma_cache_size)";
        string restore;
        await using (var reader = await pragma.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            restore = $"PRAGMA synchronous = {reader.GetInt64(0)}; PRAGMA cache_size = {reader.GetInt64(1)};";
        }
        // A generated data set can be regenerated: no fsync per commit while loading, and a large page cache.
        pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;";
        await pragma.ExecuteNonQueryAsync(ct);
        return new BulkWriter(db, connection, rowsPerTransaction, restore);
    }

    public void Add<T>(T entity) where T : class
    {
        if (entity is IVersioned versioned && versioned.Version == Guid.Empty)
            versioned.Version = Guid.NewGuid();
        if (!inserts.TryGetValue(typeof(T), out var insert))
            inserts[typeof(T)] = insert = new TableInsert(db.Model.FindEntityType(typeof(T))
                ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model."), connection);
        insert.Execute(entity, transaction);
        Rows++;
        if (++pending >= rowsPerTransaction)
            Commit();
    }

    public void AddRange<T>(IEnumerable<T> entities) where T : class
    {
        foreach (var entity in entities)
            Add(entity);
    }

    public void Commit()
    {
        transaction.Commit();
        transaction.Dispose();
        transaction = connection.BeginTransaction();
        pending = 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        transaction.Commit();
        transaction.Dispose();
        foreach (var insert in inserts.Values)
            insert.Dispose();
        // The connection goes back to the pool: leave it as it was found.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = restorePragmas;
            await pragma.ExecuteNonQueryAsync();
        }
        await db.Database.CloseConnectionAsync();
    }

    private sealed class TableInsert : IDisposable
    {
        private readonly DbCommand command;
        private readonly (IProperty Property, DbParameter Parameter, Func<object?, object?> ToProvider)[] columns;

        public TableInsert(IEntityType entityType, DbConnection connection)
        {
            var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table.");
            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            var properties = entityType.GetProperties()
                .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType != typeof(Guid) && p.ClrType != typeof(string)))
                .ToList();
            if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
                throw new InvalidOperationException($"{entityType.DisplayName()}.{shadow.Name} is a shadow property; the bulk writer cannot read it.");

            command = connection.CreateCommand();
            columns = new (IProperty, DbParameter, Func<object?, object?>)[properties.Count];
            for (var i = 0; i < properties.Count; i++)
            {
                var property = properties[i];
                var mapping = property.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(command, "$p" + i, null, nullable: true);
                command.Parameters.Add(parameter);
                var converter = mapping.Converter;
                columns[i] = (property, parameter, converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v));
            }
            var names = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""));
            var values = string.Join(", ", properties.Select((_, i) => "$p" + i));
            command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({values})";
        }

        public void Execute(object entity, DbTransaction transaction)
        {
            command.Transaction = transaction;
            foreach (var (property, parameter, toProvider) in columns)
                parameter.Value = toProvider(property.GetGetter().GetClrValueUsingContainingEntity(entity)) ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }
}

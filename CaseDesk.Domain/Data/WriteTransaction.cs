using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseDesk.Domain.Data;

/// <summary>
/// A command's transaction, begun as a writer on both engines. The use cases read then write inside it (the next case
/// number, "is this clock still open") and were written for SQLite's single writer: Microsoft.Data.Sqlite begins with
/// BEGIN IMMEDIATE, and on PostgreSQL a transaction-scoped advisory lock gives the same order across every app node
/// (released by COMMIT or ROLLBACK, also when the node dies). Reads outside commands do not take it.
/// </summary>
public static class WriteTransaction
{
    /// <summary>Any fixed number shared by every node; "CaseDesk" in ASCII.</summary>
    private const string TakeWriterLock = "SELECT pg_advisory_xact_lock(4855288752058495851)";

    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this CaseDeskDb db, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync(TakeWriterLock, ct);
        return transaction;
    }
}

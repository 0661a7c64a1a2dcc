using System.Text;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using static CaseDesk.Domain.Common.DomainText;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseDesk.Domain.Common.Pipeline;

/// <summary>
/// Commands run in one write transaction (<see cref="WriteTransaction"/>: BEGIN IMMEDIATE on SQLite, so a read-then-write
/// never has to upgrade its lock; the writers' advisory lock on PostgreSQL) that also holds their audit row: either both commit or neither does.
/// Reads of a client's personal data get an audit row too. A refused command is rolled back and
/// its refusal recorded.
/// </summary>
internal sealed class AuditStep<TRequest, TResponse>(CallerContext callers, CaseDeskDb db, TimeProvider clock, DashboardTallies dashboard)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        return request switch
        {
            ICommand<TResponse> => await RunCommand(next, cancellationToken),
            IReadsPersonalData read => await RunRead(read, next, cancellationToken),
            IAuditedRead read => await RunRead(read, next, cancellationToken),
            _ => await next(),
        };
    }

    private async Task<TResponse> RunCommand(RequestHandlerDelegate<TResponse> next, CancellationToken ct)
    {
        var caller = callers.Caller;
        var changes = new List<string>();
        var figures = new DashboardChangeSet();
        (string Type, string Id)? firstRecord = null;
        void Collect(object? sender, SavingChangesEventArgs e)
        {
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.Entity is AuditEntry || entry.State is EntityState.Unchanged or EntityState.Detached)
                    continue;
                figures.Collect(entry);
                var (type, id) = Describe(entry);
                firstRecord ??= (type, id);
                changes.Add(entry.State switch
                {
                    EntityState.Added => $"{type} {id}: created",
                    EntityState.Deleted => $"{type} {id}: deleted",
                    _ => $"{type} {id}: " + string.Join(", ", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)),
                });
            }
        }

        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        TResponse result;
        db.SavingChanges += Collect;
        try
        {
            result = await next();
        }
        catch (DomainRefusalException refusal)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, caller.UserId, caller.UserName,
                typeof(TRequest).Name, AuditKind.Refused, reason: Truncate(refusal.Because, 1000)));
            await db.SaveChangesAsync(ct);
            throw;
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            throw await LastChangeOf(await ConflictFrom(conflict, ct), ct);
        }
        catch (ConcurrencyConflictException conflict)
        {
            throw await LastChangeOf(conflict, ct);
        }
        finally
        {
            db.SavingChanges -= Collect;
        }

        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, caller.UserId, caller.UserName,
            typeof(TRequest).Name, AuditKind.Change, firstRecord?.Type, firstRecord?.Id,
            Truncate(string.Join("; ", changes.Distinct()), 4000)));
        await db.SaveChangesAsync(ct);
        // The dashboard figures follow the commit in commit order (DashboardTallies).
        await dashboard.CommitAsync(db, () => transaction.CommitAsync(ct), figures, ct);
        return result;
    }

    private async Task<TResponse> RunRead(IReadsPersonalData read, RequestHandlerDelegate<TResponse> next, CancellationToken ct)
    {
        var caller = callers.Caller;
        var reason = (read as IHasAccessReason)?.AccessReason;
        var outside = read is IUnitScopedRead scoped && await UnitScope.IsOutsideAsync(db, caller, scoped, ct);
        if (outside && string.IsNullOrWhiteSpace(reason))
        {
            var because = T("You may not open this record without a reason because the client's cases belong to another unit; state a reason.");
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, caller.UserId, caller.UserName,
                typeof(TRequest).Name, AuditKind.Refused, "Client", read.ClientId?.ToString(), reason: because, outsideUnit: true));
            await db.SaveChangesAsync(ct);
            throw new AccessReasonRequiredException(because);
        }

        var result = await next();
        var shown = read.ClientId is null ? ClientsShown(result) : null;
        if (read is IHasReadPurpose purpose && !string.IsNullOrWhiteSpace(purpose.ReadPurpose))
            reason = string.IsNullOrWhiteSpace(reason) ? purpose.ReadPurpose : $"{purpose.ReadPurpose}; {reason.Trim()}";
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, caller.UserId, caller.UserName,
            typeof(TRequest).Name, AuditKind.Read, "Client", read.ClientId?.ToString(),
            fields: shown, reason: Truncate(reason, 1000), outsideUnit: outside));
        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task<TResponse> RunRead(IAuditedRead read, RequestHandlerDelegate<TResponse> next, CancellationToken ct)
    {
        var result = await next();
        var caller = callers.Caller;
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, caller.UserId, caller.UserName,
            typeof(TRequest).Name, AuditKind.Read, read.AuditedRecordType, read.AuditedRecordId));
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static string? ClientsShown(TResponse result)
    {
        IEnumerable<Guid>? shown = result switch
        {
            IShowsClients many => many.ClientIdsShown,
            IHasClientId single => [single.ClientId],
            IPage page => page.Rows.OfType<IHasClientId>().Select(r => r.ClientId),
            System.Collections.IEnumerable list => list.OfType<IHasClientId>().Select(r => r.ClientId),
            _ => null,
        };
        var ids = shown?.Where(id => id != Guid.Empty).Distinct().ToList();
        return ids is null ? null : Truncate($"shown {ids.Count}: " + string.Join(",", ids), 4000);
    }

    private static async Task<ConcurrencyConflictException> ConflictFrom(DbUpdateConcurrencyException conflict, CancellationToken ct)
    {
        var entry = conflict.Entries.FirstOrDefault();
        if (entry is null)
            return new ConcurrencyConflictException("The record", new Dictionary<string, string?>());
        var stored = await entry.GetDatabaseValuesAsync(ct);
        var values = stored is null
            ? new Dictionary<string, string?>()
            : stored.Properties
                .Where(p => p.Name != nameof(IVersioned.Version))
                .ToDictionary(p => p.Name, p => stored[p]?.ToString());
        return new ConcurrencyConflictException(entry.Metadata.ClrType.Name, values, Describe(entry).Id);
    }

    /// <summary>
    /// Who saved the record last and when, from the audit log: the newest change that was about it (its first
    /// record) or touched it. Only runs on a conflict, and the change sought is recent, so reading back from the
    /// newest row is short.
    /// </summary>
    private async Task<ConcurrencyConflictException> LastChangeOf(ConcurrencyConflictException conflict, CancellationToken ct)
    {
        if (conflict.RecordId is not { } id)
            return conflict;
        var marker = $"{conflict.What} {id}:";
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Kind == AuditKind.Change
                && ((a.EntityType == conflict.What && a.EntityId == id) || (a.Fields != null && a.Fields.Contains(marker))))
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.UserName, a.AtUtc })
            .FirstOrDefaultAsync(ct);
        return last is null ? conflict : conflict.ChangedLastBy(last.UserName, last.AtUtc);
    }

    private static (string Type, string Id) Describe(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        var id = key is null
            ? "?"
            : string.Join("/", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
        return (entry.Metadata.ClrType.Name, id);
    }

    private static string? Truncate(string? text, int max) =>
        text is null || text.Length <= max ? text : new StringBuilder(text, 0, max - 1, max).Append('…').ToString();
}

/// <summary>A read that had to state why (e.g. a client outside the caller's unit).</summary>
public interface IHasAccessReason
{
    string? AccessReason { get; }
}

/// <summary>A read whose purpose always goes to its audit row, before any reason the caller stated (e.g. the subject access report).</summary>
public interface IHasReadPurpose
{
    string ReadPurpose { get; }
}

using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Audit;

/// <summary>
/// What the audit screen and its CSV export filter by. <see cref="User"/> matches the person's full name or login;
/// <see cref="Record"/> matches a client's name, a case or complaint number, or part of the record's type or id;
/// <see cref="Action"/> is a request's code name (<see cref="AuditNames.AllActions"/>);
/// <see cref="From"/>/<see cref="To"/> are whole Vilnius days, both included.
/// </summary>
public sealed record AuditFilter(string? User = null, AuditKind? Kind = null, string? Record = null,
    DateOnly? From = null, DateOnly? To = null, bool FlaggedOnly = false, string? Action = null)
{
    public static AuditFilter None { get; } = new();
}

/// <summary>
/// A page of the audit trail as an auditor reads it: who (name and role), did what (the action's name), to which record
/// (its human reference). The page names clients, so reading it is itself a read of their personal data: the clients
/// named are recorded in this read's own audit row.
/// </summary>
[AllowedRoles(Roles.Admin, Roles.QualityOfficer)]
public sealed record ListAuditEntries(ListWindow Window, AuditFilter Filter) : IQuery<AuditLogPage>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record AuditLogPage(IReadOnlyList<AuditRow> Items, int Total, IReadOnlyList<Guid> ClientsNamed) : IShowsClients
{
    IEnumerable<Guid> IShowsClients.ClientIdsShown => ClientsNamed;
}

/// <param name="Details">What changed or was shown, one line per record, with human references (folded on the screen).</param>
/// <param name="Technical">The stored request and record identifiers, for a cross-check against the database.</param>
public sealed record AuditRow(long Id, DateTime AtUtc, AuditKind Kind, string KindName, string Action, string ActionName,
    AuditPerson Person, AuditRecordRef? Record, IReadOnlyList<string> Details, string? Reason, bool OutsideUnit, string Technical);

/// <summary>Who acted: the full name and current roles of a staff member, or the system when a background job did.</summary>
public sealed record AuditPerson(string UserId, string Login, string Name, string Roles, bool IsSystem)
{
    public string Display => Roles.Length == 0 ? Name : $"{Name} ({Roles})";
}

/// <summary>The record an entry is about: its kind, id and human reference (a client's name, a case number...), when one is known.</summary>
public sealed record AuditRecordRef(string Type, string TypeName, Guid? Id, string? Reference)
{
    public string Display => string.IsNullOrEmpty(Reference) ? TypeName : $"{TypeName}: {Reference}";
}

internal sealed class AuditFilterValidator : AbstractValidator<AuditFilter>
{
    public AuditFilterValidator()
    {
        RuleFor(f => f.User).MaximumLength(256);
        RuleFor(f => f.Record).MaximumLength(120);
        RuleFor(f => f.Action).MaximumLength(120);
        RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).When(f => f.From is not null && f.To is not null)
            .WithMessage(_ => DomainText.T("The end date comes before the start date."));
        RuleFor(r => r.User).SingleLine();
        RuleFor(r => r.Record).SingleLine();
        RuleFor(r => r.Action).SingleLine();
    }
}

internal sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(r => r.Window).NotNull().ValidWindow();
        RuleFor(r => r.Filter).NotNull().SetValidator(new AuditFilterValidator());
    }
}

internal static class AuditQuery
{
    /// <summary>How many people or records a name typed into a filter may stand for; more is a search too vague to filter by.</summary>
    private const int MaxMatches = 50;

    public static async Task<IQueryable<AuditEntry>> FilteredAsync(this CaseDeskDb db, AuditFilter f, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (f.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            var action = f.Action.Trim();
            query = query.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var user = f.User.Trim();
            var people = await PeopleNamedAsync(db, user, ct);
            query = query.Where(a => people.Contains(a.UserId) || a.UserName.Contains(user));
        }
        if (!string.IsNullOrWhiteSpace(f.Record))
        {
            var record = f.Record.Trim();
            var ids = await RecordsNamedAsync(db, record, ct);
            query = query.Where(a => (a.EntityId != null && (a.EntityId.Contains(record) || ids.Contains(a.EntityId)))
                || (a.EntityType != null && a.EntityType.Contains(record))
                || (a.Fields != null && (a.Fields.Contains(record) || ids.Any(id => a.Fields.Contains(id)))));
        }
        if (f.From is { } from)
        {
            var start = VilniusTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.AtUtc >= start);
        }
        if (f.To is { } to)
        {
            var end = VilniusTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.AtUtc < end);
        }
        if (f.FlaggedOnly)
            query = query.Where(a => a.OutsideUnit);
        return query;
    }

    /// <summary>Staff whose full name holds the text, in any case and with or without Lithuanian letters; the system by its name.</summary>
    private static async Task<List<string>> PeopleNamedAsync(CaseDeskDb db, string text, CancellationToken ct)
    {
        var key = Client.SearchKey(text);
        // Staff are a few hundred at most: matching in memory folds Lithuanian letters and case, which SQLite's instr does not.
        var staff = await db.Users.AsNoTracking().Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct);
        var ids = staff.Where(u => Client.SearchKey($"{u.FirstName} {u.LastName}").Contains(key, StringComparison.Ordinal)
                || Client.SearchKey($"{u.LastName} {u.FirstName}").Contains(key, StringComparison.Ordinal))
            .Select(u => u.Id).Take(MaxMatches).ToList();
        if (Client.SearchKey(AuditNames.SystemName).Contains(key, StringComparison.Ordinal))
            ids.Add(Caller.System.UserId);
        return ids;
    }

    /// <summary>Clients by name (surname or first name first), cases and complaints by number: the ids of the records meant.</summary>
    private static async Task<List<string>> RecordsNamedAsync(CaseDeskDb db, string text, CancellationToken ct)
    {
        var key = Client.SearchKey(text);
        var upper = key + "\uffff";
        var clients = key.Length < 2 ? [] : await db.Clients.AsNoTracking()
            .Where(c => (string.Compare(c.NameKey, key) >= 0 && string.Compare(c.NameKey, upper) < 0)
                || (string.Compare(c.FirstNameKey, key) >= 0 && string.Compare(c.FirstNameKey, upper) < 0))
            .Select(c => c.Id).Take(MaxMatches).ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking().Where(c => c.Number == text).Select(c => c.Id).Take(MaxMatches).ToListAsync(ct);
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.Number == text).Select(c => c.Id).Take(MaxMatches).ToListAsync(ct);
        return clients.Concat(cases).Concat(complaints).Select(id => id.ToString()).ToList();
    }

    public static IQueryable<StoredAuditRow> Stored(this IQueryable<AuditEntry> query) =>
        query.Select(a => new StoredAuditRow(a.Id, a.AtUtc, a.UserId, a.UserName, a.Action, a.Kind, a.EntityType, a.EntityId, a.Fields, a.Reason, a.OutsideUnit));
}

/// <summary>An audit row as stored, before <see cref="AuditRowReader"/> names its person, action and records.</summary>
internal sealed record StoredAuditRow(long Id, DateTime AtUtc, string UserId, string UserName, string Action, AuditKind Kind,
    string? EntityType, string? EntityId, string? Fields, string? Reason, bool OutsideUnit);

internal sealed class ListAuditEntriesHandler(CaseDeskDb db) : IRequestHandler<ListAuditEntries, AuditLogPage>
{
    public async Task<AuditLogPage> Handle(ListAuditEntries request, CancellationToken ct)
    {
        var w = request.Window;
        var query = await db.FilteredAsync(request.Filter, ct);
        if (!string.IsNullOrWhiteSpace(w.Search))
        {
            var s = w.Search.Trim();
            query = query.Where(a => a.UserName.Contains(s) || a.Action.Contains(s) || (a.EntityId != null && a.EntityId.Contains(s)));
        }
        var total = await query.CountAsync(ct);
        // The log is read newest first unless the time column is sorted ascending; the id follows the time of writing.
        query = w.Descending || w.SortBy is null ? query.OrderByDescending(a => a.Id) : query.OrderBy(a => a.Id);
        var stored = await query.Skip(w.Skip).Take(w.Take).Stored().ToListAsync(ct);
        var reader = new AuditRowReader(db);
        var rows = await reader.ReadAsync(stored, ct);
        return new AuditLogPage(rows, total, reader.ClientsNamed.ToList());
    }
}

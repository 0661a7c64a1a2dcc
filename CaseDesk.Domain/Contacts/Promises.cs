using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Contacts;

/// <summary>Checks off a promise made to the client: its clock stops, met when kept by the promised time.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record CheckOffPromise(Guid PromiseId, Guid Version, string? Note) : ICommand<Guid>;

internal sealed class CheckOffPromiseValidator : AbstractValidator<CheckOffPromise>
{
    public CheckOffPromiseValidator()
    {
        RuleFor(r => r.Note).MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(r => r.Note).FreeText();
    }
}

internal sealed class CheckOffPromiseHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<CheckOffPromise, Guid>
{
    public async Task<Guid> Handle(CheckOffPromise request, CancellationToken ct)
    {
        var promise = await db.Promises.SingleOrDefaultAsync(p => p.Id == request.PromiseId, ct) ?? throw new NotFoundException("Promise", request.PromiseId);
        db.ExpectVersion(promise, request.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        promise.CheckOff(now, callers.Caller.UserId, request.Note);
        await clocks.StopAsync(ClockKind.Promise, promise.Id, now, ct);
        await db.SaveChangesAsync(ct);
        return promise.Version;
    }
}

/// <summary>
/// A promise is a commitment clock (VIII, punctuality): it runs from when the promise was made to the promised time and
/// stops when the promise is checked off, met when kept by then (docs/clocks.md). Promises have no cancel or withdraw
/// step, so their clocks are only stopped.
/// </summary>
internal static class PromiseClocks
{
    public static Task<ResponseClock> StartAsync(ClockBook clocks, Promise promise, DateTime madeAtUtc, int? touchpoint, CancellationToken ct) =>
        clocks.StartAsync(ClockKind.Promise, nameof(Promise), promise.Id, promise.OwnerUserId, promise.ClientId, promise.CaseId,
            madeAtUtc, ct, deadlineUtc: promise.DueAtUtc, touchpoint: touchpoint);

    /// <summary>
    /// Promises recorded before promise clocks existed get theirs at start-up, started when the promise was made and, if it was
    /// checked off, stopped when it was: so an upgraded database's dashboard counts what "My work" shows. Later starts find none.
    /// One already past its time counts as breached but is marked reported: it went overdue before clocks existed, and the breach
    /// sweep would otherwise send the heads one notice for every old promise at once.
    /// </summary>
    public static async Task<int> BackfillAsync(CaseDeskDb db, DateTime nowUtc, CancellationToken ct)
    {
        var missing = await db.Promises
            .Where(p => !db.ResponseClocks.Any(c => c.SubjectId == p.Id && c.Kind == ClockKind.Promise))
            .Select(p => new
            {
                Promise = p,
                Contact = db.Contacts.Where(c => c.Id == p.ContactId).Select(c => new { c.OccurredAtUtc, c.Touchpoint }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (missing.Count == 0) return 0;
        var clocks = new ClockBook(db);
        var calendar = await clocks.CalendarAsync(ct);
        foreach (var m in missing)
        {
            var madeAt = m.Contact?.OccurredAtUtc ?? m.Promise.CreatedAtUtc;
            var clock = await StartAsync(clocks, m.Promise, madeAt, m.Contact?.Touchpoint, ct);
            if (m.Promise.DoneAtUtc is { } done)
                clock.Stop(done, calendar);
            else if (clock.DueAtUtc < nowUtc)
                clock.MarkBreachNotified(nowUtc);
        }
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}

/// <summary>The contacts of a case (or of a client across cases), newest first unless the window sorts by time ascending; optionally on one touchpoint and/or channel.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListContacts(Guid ClientId, Guid? CaseId, ListWindow Window, int? Touchpoint = null, ContactChannel? Channel = null)
    : IQuery<Page<ContactRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => ClientId;
}

public sealed record ContactRow(Guid Id, Guid? CaseId, int Touchpoint, ContactChannel Channel, ContactDirection Direction, DateTime OccurredAtUtc,
    string Employee, string Summary, string? Discussed, string? Decided, string? Done, string? NextStep, DateTime? NextMeetingAtUtc,
    string? NextMeetingPlace, string? SourceKind);

internal sealed class ListContactsValidator : AbstractValidator<ListContacts>
{
    public ListContactsValidator()
    {
        RuleFor(r => r.Window).ValidWindow();
        RuleFor(r => r.Touchpoint).InclusiveBetween(1, 10).When(r => r.Touchpoint is not null).WithMessage(_ => T("Choose the touchpoint (1-10)."));
        RuleFor(r => r.Channel).IsInEnum().When(r => r.Channel is not null).WithMessage(_ => T("Choose the channel."));
    }
}

internal sealed class ListContactsHandler(CaseDeskDb db) : IRequestHandler<ListContacts, Page<ContactRow>>
{
    public async Task<Page<ContactRow>> Handle(ListContacts request, CancellationToken ct)
    {
        var query = request.CaseId is { } caseId
            ? db.Contacts.AsNoTracking().Where(c => c.CaseId == caseId && c.ClientId == request.ClientId)
            : db.Contacts.AsNoTracking().Where(c => c.ClientId == request.ClientId);
        if (request.Touchpoint is { } touchpoint)
            query = query.Where(c => c.Touchpoint == touchpoint);
        if (request.Channel is { } channel)
            query = query.Where(c => c.Channel == channel);
        var total = await query.CountAsync(ct);
        var w = request.Window;
        var ordered = w.SortBy == nameof(ContactRow.OccurredAtUtc) && !w.Descending
            ? query.OrderBy(c => c.OccurredAtUtc).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id);
        var rows = await ordered.Skip(w.Skip).Take(w.Take)
            .Select(c => new ContactRow(c.Id, c.CaseId, c.Touchpoint, c.Channel, c.Direction, c.OccurredAtUtc,
                db.Users.Where(u => u.Id == c.EmployeeUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? "",
                c.Summary, c.Discussed, c.Decided, c.Done, c.NextStep, c.NextMeetingAtUtc, c.NextMeetingPlace, c.SourceKind))
            .ToListAsync(ct);
        return new Page<ContactRow>(rows, total);
    }
}

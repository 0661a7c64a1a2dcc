using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Contacts;

public sealed record PromiseInput(string Text, DateTime DueAtUtc);

/// <summary>
/// Logs one contact on its touchpoint and channel, with the closing summary of 8.4 and the promises
/// made to the client. Used directly and by the flows that end in a contact (call-backs, replies, visits).
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record LogContact(
    Guid ClientId, Guid? CaseId, int Touchpoint, ContactChannel Channel, ContactDirection Direction, DateTime OccurredAtUtc,
    string Summary, string? Discussed, string? Decided, string? Done, string? NextStep, DateTime? NextMeetingAtUtc, string? NextMeetingPlace,
    IReadOnlyList<PromiseInput> Promises) : ICommand<Guid>, IContactFields;

public interface IContactFields
{
    Guid ClientId { get; }
    Guid? CaseId { get; }
    int Touchpoint { get; }
    ContactChannel Channel { get; }
    ContactDirection Direction { get; }
    DateTime OccurredAtUtc { get; }
    string Summary { get; }
    string? Discussed { get; }
    string? Decided { get; }
    string? Done { get; }
    string? NextStep { get; }
    DateTime? NextMeetingAtUtc { get; }
    string? NextMeetingPlace { get; }
    IReadOnlyList<PromiseInput> Promises { get; }
}

internal sealed class ContactFieldsValidator<T> : AbstractValidator<T> where T : IContactFields
{
    public ContactFieldsValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(c => c.Touchpoint).InclusiveBetween(1, 10).WithMessage(_ => T("Choose the touchpoint (1-10)."));
        RuleFor(c => c.Channel).IsInEnum().WithMessage(_ => T("Choose the channel."));
        RuleFor(c => c.Direction).IsInEnum().WithMessage(_ => T("Choose the direction."));
        RuleFor(c => c.OccurredAtUtc)
            .Must(at => at <= clock.GetUtcNow().UtcDateTime.AddMinutes(5)).WithMessage(_ => T("A contact cannot be in the future."))
            .Must(at => at.Year >= 2000).WithMessage(_ => T("The date is out of range."));
        RuleFor(c => c.Summary).NotEmpty().WithMessage(_ => T("Write what the contact was about."))
            .MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(c => c.Discussed).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(c => c.Decided).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(c => c.Done).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(c => c.NextStep).MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(c => c.NextMeetingPlace).MaximumLength(300).WithMessage(_ => T("At most {0} characters.", 300));
        RuleFor(c => c.NextMeetingAtUtc).Must(at => at is null || at.Value.Year is >= 2000 and <= 2100).WithMessage(_ => T("The date is out of range."));
        RuleFor(c => c.Promises).Must(p => p.Count <= 20).WithMessage(_ => T("At most {0} promises per contact.", 20));
        RuleForEach(c => c.Promises).ChildRules(p =>
        {
            p.RuleFor(x => x.Text).NotEmpty().WithMessage(_ => T("Write what was promised."))
                .MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
            p.RuleFor(x => x.DueAtUtc).Must(d => d.Year is >= 2000 and <= 2100).WithMessage(_ => T("The date is out of range."));
        });
        RuleFor(c => c.ClientId).MustAsync((id, ct) => db.Clients.AnyAsync(k => k.Id == id, ct)).WithMessage(_ => T("Unknown client."));
        RuleFor(c => c.CaseId).MustAsync(async (c, caseId, ct) => caseId is null || await db.Cases.AnyAsync(k => k.Id == caseId && k.ClientId == c.ClientId, ct))
            .WithMessage(_ => T("The case does not belong to this client."));
        RuleFor(c => c.Summary).FreeText();
        RuleFor(c => c.Discussed).FreeText();
        RuleFor(c => c.Decided).FreeText();
        RuleFor(c => c.Done).FreeText();
        RuleFor(c => c.NextStep).FreeText();
        RuleFor(c => c.NextMeetingPlace).SingleLine();
        RuleForEach(c => c.Promises).ChildRules(p => p.RuleFor(x => x.Text).FreeText());
    }
}

internal sealed class LogContactValidator : AbstractValidator<LogContact>
{
    public LogContactValidator(CaseDeskDb db, TimeProvider clock) => Include(new ContactFieldsValidator<LogContact>(db, clock));
}

internal sealed class LogContactHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<LogContact, Guid>
{
    public async Task<Guid> Handle(LogContact request, CancellationToken ct) =>
        (await ContactLog.AddAsync(db, clocks, request, callers.Caller.UserId, clock.GetUtcNow().UtcDateTime, null, null, ct)).Id;
}

/// <summary>The one place a contact and its promises are written, so every flow records contacts the same way.</summary>
internal static class ContactLog
{
    public static async Task<Contact> AddAsync(CaseDeskDb db, ClockBook clocks, IContactFields f, string employee, DateTime nowUtc,
        string? sourceKind, Guid? sourceId, CancellationToken ct)
    {
        Case? @case = null;
        if (f.CaseId is { } caseId)
        {
            @case = await db.Cases.SingleAsync(c => c.Id == caseId, ct);
            @case.EnsureOpen();
        }

        var contact = new Contact(Guid.CreateVersion7(), f.ClientId, f.CaseId, f.Touchpoint, f.Channel, f.Direction, f.OccurredAtUtc,
            employee, f.Summary, nowUtc)
        {
            Discussed = Blank(f.Discussed), Decided = Blank(f.Decided), Done = Blank(f.Done), NextStep = Blank(f.NextStep),
            NextMeetingAtUtc = f.NextMeetingAtUtc, NextMeetingPlace = Blank(f.NextMeetingPlace),
            SourceKind = sourceKind, SourceId = sourceId,
        };
        db.Contacts.Add(contact);
        foreach (var p in f.Promises)
        {
            var promise = new Promise(Guid.CreateVersion7(), f.ClientId, f.CaseId, contact.Id, p.Text, p.DueAtUtc, employee, nowUtc);
            db.Promises.Add(promise);
            await PromiseClocks.StartAsync(clocks, promise, contact.OccurredAtUtc, contact.Touchpoint, ct);
        }

        // The case comes due at the earliest thing promised or agreed, if that is sooner.
        if (@case is not null)
        {
            var next = f.Promises.Select(p => (DateTime?)p.DueAtUtc).Append(f.NextMeetingAtUtc).Where(d => d > nowUtc).Min();
            if (next is { } due && due < @case.DueAtUtc)
                @case.Reschedule(due);
        }

        await db.SaveChangesAsync(ct);
        return contact;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

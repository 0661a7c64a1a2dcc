using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Visits;

/// <summary>
/// Records when the specialist left and closes the visit with the summary of 8.4 (what was discussed,
/// decided and done, what happens next, the next meeting). The visit is a face-to-face contact on touchpoint 7.
/// </summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record RecordDeparture(
    Guid VisitId, Guid Version, DateTime DepartedAtUtc, string Summary, string? Discussed, string? Decided, string? Done,
    string? NextStep, DateTime? NextMeetingAtUtc, string? NextMeetingPlace, IReadOnlyList<PromiseInput> Promises) : ICommand<Guid>;

internal sealed class RecordDepartureValidator : AbstractValidator<RecordDeparture>
{
    public RecordDepartureValidator()
    {
        RuleFor(r => r.DepartedAtUtc).InRange();
        RuleFor(r => r.Summary).NotEmpty().WithMessage(_ => T("Write what the contact was about."))
            .MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Discussed).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Decided).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Done).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.NextStep).MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.NextMeetingPlace).MaximumLength(300).WithMessage(_ => T("At most {0} characters.", 300));
        RuleFor(r => r.NextMeetingAtUtc).Must(at => at is null || at.Value.Year is >= 2000 and <= 2100).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.Promises).Must(p => p.Count <= 20).WithMessage(_ => T("At most {0} promises per contact.", 20));
        RuleForEach(r => r.Promises).ChildRules(p =>
        {
            p.RuleFor(x => x.Text).NotEmpty().WithMessage(_ => T("Write what was promised."))
                .MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
            p.RuleFor(x => x.DueAtUtc).Must(d => d.Year is >= 2000 and <= 2100).WithMessage(_ => T("The date is out of range."));
        });
        RuleFor(r => r.Summary).FreeText();
        RuleFor(r => r.Discussed).FreeText();
        RuleFor(r => r.Decided).FreeText();
        RuleFor(r => r.Done).FreeText();
        RuleFor(r => r.NextStep).FreeText();
        RuleFor(r => r.NextMeetingPlace).SingleLine();
        RuleForEach(r => r.Promises).ChildRules(p => p.RuleFor(x => x.Text).FreeText());
    }
}

internal sealed class RecordDepartureHandler(CaseDeskDb db, ClockBook clocks, TimeProvider clock) : IRequestHandler<RecordDeparture, Guid>
{
    public const string SourceKind = "HomeVisit";

    public async Task<Guid> Handle(RecordDeparture request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visit = await VisitStaff.LoadAsync(db, request.VisitId, request.Version, ct);
        visit.CheckDeparture(request.DepartedAtUtc, now);

        // The contact is the visiting caseworker's, whoever records it, and it happened when they arrived.
        var contact = await ContactLog.AddAsync(db, clocks, new VisitContact(visit.ClientId, visit.CaseId, visit.ArrivedAtUtc!.Value, request),
            visit.CaseworkerUserId, now, SourceKind, visit.Id, ct);
        visit.RecordDeparture(request.DepartedAtUtc, contact.Id, now);
        await db.SaveChangesAsync(ct);
        return visit.Version;
    }

    private sealed record VisitContact(Guid ClientId, Guid? CaseId, DateTime OccurredAtUtc, RecordDeparture Request) : IContactFields
    {
        public int Touchpoint => 7;
        public ContactChannel Channel => ContactChannel.HomeVisit;
        public ContactDirection Direction => ContactDirection.FaceToFace;
        public string Summary => Request.Summary;
        public string? Discussed => Request.Discussed;
        public string? Decided => Request.Decided;
        public string? Done => Request.Done;
        public string? NextStep => Request.NextStep;
        public DateTime? NextMeetingAtUtc => Request.NextMeetingAtUtc;
        public string? NextMeetingPlace => Request.NextMeetingPlace;
        public IReadOnlyList<PromiseInput> Promises => Request.Promises;
    }
}

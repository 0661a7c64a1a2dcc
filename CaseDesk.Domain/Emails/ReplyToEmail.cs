using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Emails;

/// <summary>
/// Section 11: records the reply to an e-mail, written fresh (never the internal thread), signed with the
/// replying employee's unit, position, name, surname and phone, and logs it as a contact on touchpoint 3
/// (e-mail, outgoing); returns the contact. The e-mail leaves the inbox's unanswered list and "My work".
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record ReplyToEmail(Guid EmailId, Guid Version, string Subject, string Body) : ICommand<Guid>
{
    public const int EmailTouchpoint = 3;
}

internal sealed class ReplyToEmailValidator : AbstractValidator<ReplyToEmail>
{
    public ReplyToEmailValidator()
    {
        RuleFor(r => r.Subject).NotEmpty().WithMessage(_ => T("Write the subject of the reply.")).MaxLength(300);
        RuleFor(r => r.Body).NotEmpty().WithMessage(_ => T("Write the answer.")).MaxLength(20000);
        RuleFor(r => r.Subject).SingleLine();
        RuleFor(r => r.Body).FreeText();
    }
}

internal sealed class ReplyToEmailHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<ReplyToEmail, Guid>
{
    public const string SourceKind = "EmailEnquiry";
    private const int SummaryLength = 4000;

    public async Task<Guid> Handle(ReplyToEmail request, CancellationToken ct)
    {
        var email = await db.EmailEnquiries.SingleOrDefaultAsync(e => e.Id == request.EmailId, ct)
            ?? throw new NotFoundException("EmailEnquiry", request.EmailId);
        db.ExpectVersion(email, request.Version);
        email.EnsureCanReply(request.Body);

        var me = callers.Caller.UserId;
        var profile = await db.Users.Where(u => u.Id == me)
            .Select(u => new { u.FirstName, u.LastName, u.Position, u.PhoneNumber, Unit = db.OrgUnits.Where(o => o.Id == u.UnitId).Select(o => o.NameLt).FirstOrDefault() })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("User", me);
        var missing = EmailSignature.Missing(profile.FirstName, profile.LastName, profile.Position, profile.Unit, profile.PhoneNumber);
        if (missing.Count > 0)
            throw new DomainRefusalException(T("The reply cannot be sent, because your signature lacks: {0}. Section 11 requires unit, position, name, surname and phone; ask the administrator to complete your profile.",
                string.Join(", ", missing)));
        var signature = EmailSignature.Build(profile.FirstName, profile.LastName, profile.Position, profile.Unit, profile.PhoneNumber);

        var now = clock.GetUtcNow().UtcDateTime;
        var contact = await ContactLog.AddAsync(db, clocks, new ReplyContact(email.ClientId!.Value, email.CaseId, now, Shorten(request.Subject.Trim() + "\n\n" + request.Body.Trim())),
            me, now, SourceKind, email.Id, ct);
        email.Reply(request.Subject, request.Body, signature, contact.Id, now, me);
        await clocks.StopAsync(ClockKind.EmailReply, email.Id, now, ct);
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }

    private static string Shorten(string text) => text.Length <= SummaryLength ? text : text[..(SummaryLength - 1)] + "…";

    private sealed record ReplyContact(Guid ClientId, Guid? CaseId, DateTime OccurredAtUtc, string Summary) : IContactFields
    {
        public int Touchpoint => ReplyToEmail.EmailTouchpoint;
        public ContactChannel Channel => ContactChannel.EmailOut;
        public ContactDirection Direction => ContactDirection.ToClient;
        public string? Discussed => null;
        public string? Decided => null;
        public string? Done => null;
        public string? NextStep => null;
        public DateTime? NextMeetingAtUtc => null;
        public string? NextMeetingPlace => null;
        public IReadOnlyList<PromiseInput> Promises => [];
    }
}

using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Mail;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Emails;

/// <summary>
/// Section 11: the reply to an e-mail, written fresh (never the internal thread), signed with the replying employee's
/// unit, position, name, surname and phone, logged as a contact on touchpoint 3 (e-mail, outgoing) and queued in the
/// outbox in the same transaction, to the sender's address, threaded under the client's message and quoting only it;
/// returns the contact. The e-mail shows "reply being sent" and its clock runs until the mail server accepts the reply
/// (<see cref="Mail.RecordMailAccepted"/>); then it is answered and leaves the unanswered list.
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
        // To the address the e-mail came from, never another one the message named.
        var queued = Outbox.Enqueue(db, email.FromAddress, email.FromName, request.Subject.Trim(),
            ReplyText.Compose(request.Body, signature, email.ReceivedAtUtc, email.FromName, email.FromAddress, email.Body),
            email.MessageId, ReplyText.References(email.ThreadReferences, email.MessageId), SourceKind, email.Id, me, now);
        email.QueueReply(request.Subject, request.Body, signature, contact.Id, queued.Id, me);
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

/// <summary>
/// The text that leaves: the employee's answer, the signature, and below them the client's own message quoted ("&gt; "),
/// under a line saying who wrote it when. The quote is added here, never typed by staff, and is only the client's text.
/// </summary>
public static class ReplyText
{
    public static string Compose(string answer, string signature, DateTime receivedAtUtc, string? fromName, string fromAddress, string incoming)
    {
        var sender = string.IsNullOrWhiteSpace(fromName) ? $"<{fromAddress}>" : $"{fromName.Trim()} <{fromAddress}>";
        var attribution = $"{VilniusTime.ToLocal(receivedAtUtc):yyyy-MM-dd HH:mm}, {sender} rašė:";
        var quoted = incoming.Replace("\r\n", "\n").TrimEnd().Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line);
        return $"{answer.Replace("\r\n", "\n").Trim()}\n\n-- \n{signature}\n\n{attribution}\n{string.Join("\n", quoted)}\n";
    }

    /// <summary>The client's References continued by the client's own Message-Id (RFC 5322 3.6.4); null when the e-mail had none.</summary>
    public static string? References(string? threadReferences, string? messageId)
    {
        var ids = (threadReferences ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(messageId ?? "")
            .Where(id => id.Length > 0).Distinct().ToList();
        return ids.Count == 0 ? null : string.Join(" ", ids);
    }
}

using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Mail;

/// <summary>
/// The complaint loop's two client messages by e-mail (docs/mail.md): the acknowledgement and what was decided and done.
/// Only the officer's text for that step and the section 11 signature leave; never notes, root causes, owners or history.
/// The step's clock stops when the mail server accepts the message (<see cref="RecordMailAccepted"/>).
/// </summary>
public static class ComplaintMail
{
    public const string AcknowledgementKind = "ComplaintAcknowledgement";
    public const string OutcomeKind = "ComplaintOutcome";

    /// <summary>What "how the client was told" says for a message sent through the outbox.</summary>
    public const string ByEmail = "El. paštu";

    public static bool IsComplaintKind(string sourceKind) => sourceKind is AcknowledgementKind or OutcomeKind;

    /// <summary>The address the message goes to: the linked client's e-mail, else the complaint's contact details when they are an e-mail address; null when none.</summary>
    public static async Task<(string Address, string? Name)?> AddressAsync(CaseDeskDb db, Guid complaintId, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId)
            .Select(c => new { c.ClientId, c.ContactName, c.ContactDetails }).SingleOrDefaultAsync(ct);
        if (complaint is null)
            return null;
        if (complaint.ClientId is { } clientId)
        {
            var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
                .Select(c => new { c.Email, Name = c.FirstName + " " + c.LastName }).SingleOrDefaultAsync(ct);
            if (client is not null && IsAddress(client.Email))
                return (client.Email!.Trim(), client.Name.Trim());
        }
        return IsAddress(complaint.ContactDetails) ? (complaint.ContactDetails!.Trim(), complaint.ContactName) : null;
    }

    /// <summary>A single plain address (one @, something on both sides, no spaces or separators): what a mail server can deliver to.</summary>
    public static bool IsAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var t = text.Trim();
        var at = t.IndexOf('@');
        return at > 0 && at == t.LastIndexOf('@') && at < t.Length - 3 && t[(at + 1)..].Contains('.')
            && !t.Any(ch => char.IsWhiteSpace(ch) || ch is ',' or ';' or '<' or '>' or '"' or '(' or ')');
    }

    public static string AcknowledgementSubject(string number) => $"Jūsų skundas Nr. {number} gautas";

    public static string OutcomeSubject(string number) => $"Jūsų skundas Nr. {number}: ką nusprendėme ir padarėme";

    /// <summary>The officer's text and the signature; nothing else of the complaint.</summary>
    public static string Body(string text, string signature) => $"{text.Replace("\r\n", "\n").Trim()}\n\n-- \n{signature}\n";

    /// <summary>The caller's section 11 signature, or a refusal saying what the profile lacks.</summary>
    public static async Task<string> SignatureAsync(CaseDeskDb db, string userId, CancellationToken ct)
    {
        var profile = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.FirstName, u.LastName, u.Position, u.PhoneNumber, Unit = db.OrgUnits.Where(o => o.Id == u.UnitId).Select(o => o.NameLt).FirstOrDefault() })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("User", userId);
        var missing = EmailSignature.Missing(profile.FirstName, profile.LastName, profile.Position, profile.Unit, profile.PhoneNumber);
        if (missing.Count > 0)
            throw new DomainRefusalException(T("The message cannot be sent by e-mail, because your signature lacks: {0}. Section 11 requires unit, position, name, surname and phone; ask the administrator to complete your profile.",
                string.Join(", ", missing)));
        return EmailSignature.Build(profile.FirstName, profile.LastName, profile.Position, profile.Unit, profile.PhoneNumber);
    }

    /// <summary>Queues the message in the caller's transaction; the outbox row carries the kind and the complaint's id.</summary>
    public static async Task<OutboxMessage> QueueAsync(CaseDeskDb db, Complaint complaint, string kind, string text, string userId, DateTime nowUtc, CancellationToken ct)
    {
        var to = await AddressAsync(db, complaint.Id, ct)
            ?? throw new DomainRefusalException(T("The message cannot be sent by e-mail, because no e-mail address of the client is known."));
        var signature = await SignatureAsync(db, userId, ct);
        var subject = kind == AcknowledgementKind ? AcknowledgementSubject(complaint.Number) : OutcomeSubject(complaint.Number);
        return Outbox.Enqueue(db, to.Address, to.Name, subject, Body(text, signature), null, null, kind, complaint.Id, userId, nowUtc);
    }

    /// <summary>The newest message of the kind for the complaint, for its page: queued, sent at, or failed with the reason.</summary>
    public static Task<OutboxMessage?> LatestAsync(CaseDeskDb db, Guid complaintId, string kind, CancellationToken ct) =>
        Outbox.Messages(db).AsNoTracking().Where(m => m.SourceKind == kind && m.SourceId == complaintId)
            .OrderByDescending(m => m.CreatedAtUtc).FirstOrDefaultAsync(ct);
}

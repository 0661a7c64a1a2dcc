using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Mail;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Public;

internal sealed class SubmitPublicFeedbackValidator : AbstractValidator<SubmitPublicFeedback>
{
    /// <summary>Shorter than staff registration (8000): a visitor's form, not a transcript.</summary>
    public const int MaxText = 4000;

    public SubmitPublicFeedbackValidator()
    {
        RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => T("Choose complaint, suggestion or praise."));
        RuleFor(r => r.Text).NotEmpty().WithMessage(_ => T("Write your feedback.")).MaxLength(MaxText).FreeText();
        RuleFor(r => r.Touchpoint).Must(t => t is null or >= 1 and <= 10).WithMessage(_ => T("Choose the touchpoint (1-10)."));
        RuleFor(r => r.Name).MaxLength(200).PersonName();
        RuleFor(r => r.Contact).MaxLength(200).SingleLine()
            .Must(c => string.IsNullOrWhiteSpace(c) || ComplaintMail.IsAddress(c) || PublicFeedbackRules.IsPhone(c))
            .WithMessage(_ => T("Write an e-mail address or a phone number, or leave the field empty."));
        RuleFor(r => r.Language).Must(l => PublicFeedbackRules.Languages.Contains(l)).WithMessage(_ => T("Choose the language: lt, en, ru or pl.")).SingleLine();
        RuleFor(r => r.SubmissionKey).NotEmpty().WithMessage(_ => T("The form is incomplete; open it again.")).MaxLength(64).SingleLine();
    }
}

/// <summary>Where the public pages live, for the links mailed to visitors (configuration section "Public").</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "Public";

    /// <summary>The public address of the site (e.g. "https://casedesk.alytus.lt"); without it the mail names the page in words.</summary>
    public string? BaseUrl { get; set; }
}

internal sealed class SubmitPublicFeedbackHandler(CaseDeskDb db, ClockBook clocks, TimeProvider clock, IOptions<PublicSiteOptions> site)
    : IRequestHandler<SubmitPublicFeedback, PublicFeedbackReceipt>
{
    public async Task<PublicFeedbackReceipt> Handle(SubmitPublicFeedback request, CancellationToken ct)
    {
        var key = request.SubmissionKey.Trim();
        // Inside the write transaction (writers one at a time); the unique index below covers any writer that slips past.
        if (await db.PublicFeedbackTickets.AnyAsync(t => t.SubmissionKey == key, ct))
            throw PublicFeedbackRules.SentTwice();

        var now = clock.GetUtcNow().UtcDateTime;
        var contact = string.IsNullOrWhiteSpace(request.Contact) ? null : request.Contact.Trim();
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        var feedback = new RegisterFeedback(request.Kind, FeedbackSource.Website, now, request.Text, null, null, name, contact,
            request.Touchpoint is { } touchpoint ? [touchpoint] : [], []);
        var complaint = await FeedbackIntake.RegisterAsync(db, clocks, clock, feedback, Caller.Public.UserId, ct);

        var code = TrackingCode.New();
        db.PublicFeedbackTickets.Add(new PublicFeedbackTicket
        {
            Id = Guid.CreateVersion7(), ComplaintId = complaint.Id, CodeHash = TrackingCode.Hash(TrackingCode.Normalize(code)!),
            SubmissionKey = key, Language = request.Language, CreatedAtUtc = now,
        });

        var mailed = ComplaintMail.IsAddress(contact);
        if (mailed)
        {
            var message = PublicCodeMail.Compose(request.Language, code, site.Value.BaseUrl);
            Outbox.Enqueue(db, contact!, name, message.Subject, message.Body, null, null, PublicCodeMail.SourceKind, complaint.Id, Caller.Public.UserId, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PublicFeedbackRules.IsSubmissionKeyClash(e))
        {
            throw PublicFeedbackRules.SentTwice();
        }
        return new PublicFeedbackReceipt(code, mailed);
    }
}

public static class PublicFeedbackRules
{
    /// <summary>
    /// Whether a refusal is <see cref="SentTwice"/> (compared in the culture it was made in, the request's), so the public pages can say it
    /// in the visitor's language: the domain's texts are Lithuanian and English only.
    /// </summary>
    public static bool IsSentTwice(DomainRefusalException refusal) => refusal.Because == SentTwice().Because;

    internal static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "lt", "en", "ru", "pl" };

    /// <summary>How long after the feedback is done its code still shows the status.</summary>
    internal static readonly TimeSpan ShownAfterDone = TimeSpan.FromDays(90);

    internal static DomainRefusalException SentTwice() =>
        new(T("This form was already sent, because each form is sent once: its tracking code was shown then."));

    /// <summary>Digits with an optional leading + and spaces, dashes or brackets between them: 6 to 15 digits.</summary>
    internal static bool IsPhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var t = text.Trim();
        if (t.StartsWith('+'))
            t = t[1..];
        return t.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')') && t.Count(char.IsAsciiDigit) is >= 6 and <= 15;
    }

    /// <summary>The unique index on the form's key refused the row: another post of the same form won (SQLite and PostgreSQL name the column or the index).</summary>
    internal static bool IsSubmissionKeyClash(DbUpdateException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner.Message.Contains("SubmissionKey", StringComparison.Ordinal))
                return true;
        return false;
    }
}

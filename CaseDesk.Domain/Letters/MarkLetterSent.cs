using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Letters;

/// <summary>Records that the letter was sent, when and how; the sending is a contact on touchpoint 6.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record MarkLetterSent(Guid LetterId, Guid Version, DateTime SentAtUtc, LetterChannel Channel) : ICommand<Guid>;

internal sealed class MarkLetterSentValidator : AbstractValidator<MarkLetterSent>
{
    public MarkLetterSentValidator(TimeProvider clock)
    {
        RuleFor(r => r.SentAtUtc)
            .Must(at => at <= clock.GetUtcNow().UtcDateTime.AddMinutes(5)).WithMessage(_ => T("The date cannot be in the future."))
            .Must(at => at.Year >= 2000).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.Channel).IsInEnum().WithMessage(_ => T("Choose how the letter was sent."));
    }
}

internal sealed class MarkLetterSentHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<MarkLetterSent, Guid>
{
    public const string SourceKind = "InformationLetter";

    public async Task<Guid> Handle(MarkLetterSent request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var letter = await db.InformationLetters.SingleOrDefaultAsync(l => l.Id == request.LetterId, ct)
            ?? throw new NotFoundException("Letter", request.LetterId);
        db.ExpectVersion(letter, request.Version);
        letter.CheckCanBeSent(request.SentAtUtc);

        var summary = T("Information letter \"{0}\" sent ({1}).", letter.Subject, ChannelText(request.Channel));
        var fields = new LetterContact(letter.ClientId, letter.CaseId, request.SentAtUtc, summary.Length <= 4000 ? summary : summary[..3999] + "…");
        var contact = await ContactLog.AddAsync(db, clocks, fields, callers.Caller.UserId, now, SourceKind, letter.Id, ct);
        letter.MarkSent(request.SentAtUtc, request.Channel, contact.Id);
        await clocks.StopAsync(ClockKind.InformationLetter, letter.Id, request.SentAtUtc, ct);
        await db.SaveChangesAsync(ct);
        return letter.Version;
    }

    private static string ChannelText(LetterChannel channel) => channel switch
    {
        LetterChannel.Post => T("by post"),
        LetterChannel.Email => T("by e-mail"),
        LetterChannel.HandedOver => T("handed over"),
        LetterChannel.EPortal => T("through the e-services portal"),
        _ => channel.ToString(),
    };

    private sealed record LetterContact(Guid ClientId, Guid? CaseId, DateTime OccurredAtUtc, string Summary) : IContactFields
    {
        public int Touchpoint => 6;
        public ContactChannel Channel => ContactChannel.Letter;
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

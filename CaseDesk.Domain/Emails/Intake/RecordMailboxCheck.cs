using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Emails.Intake;

/// <summary>How the last look at a mailbox went (run by the fetcher as the system): the e-mails page shows it to staff.</summary>
[SystemOnly]
public sealed record RecordMailboxCheck(string Mailbox, string? Error) : ICommand<Unit>;

internal sealed class RecordMailboxCheckValidator : AbstractValidator<RecordMailboxCheck>
{
    public RecordMailboxCheckValidator()
    {
        RuleFor(r => r.Mailbox).NotEmpty().MaxLength(100).SingleLine();
        RuleFor(r => r.Error).FreeText();
    }
}

internal sealed class RecordMailboxCheckHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<RecordMailboxCheck, Unit>
{
    public async Task<Unit> Handle(RecordMailboxCheck request, CancellationToken ct)
    {
        var cursor = await db.Set<MailboxCursor>().SingleOrDefaultAsync(c => c.Mailbox == request.Mailbox, ct);
        if (cursor is null)
            db.Add(cursor = new MailboxCursor(request.Mailbox));
        cursor.Checked(clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(request.Error) ? null : request.Error.Trim());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

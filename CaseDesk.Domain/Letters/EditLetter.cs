using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Letters;

/// <summary>Edits a letter before it is sent; a sent letter stays as it was sent.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record EditLetter(Guid LetterId, Guid Version, string Subject, string Body) : ICommand<Guid>;

internal sealed class EditLetterValidator : AbstractValidator<EditLetter>
{
    public EditLetterValidator()
    {
        RuleFor(r => r.Subject).NotEmpty().WithMessage(_ => T("Write the subject."))
            .MaximumLength(300).WithMessage(_ => T("At most {0} characters.", 300));
        RuleFor(r => r.Body).NotEmpty().WithMessage(_ => T("Write the text of the letter."))
            .MaximumLength(20000).WithMessage(_ => T("At most {0} characters.", 20000));
        RuleFor(r => r.Subject).SingleLine();
        RuleFor(r => r.Body).FreeText();
    }
}

internal sealed class EditLetterHandler(CaseDeskDb db) : IRequestHandler<EditLetter, Guid>
{
    public async Task<Guid> Handle(EditLetter request, CancellationToken ct)
    {
        var letter = await db.InformationLetters.SingleOrDefaultAsync(l => l.Id == request.LetterId, ct)
            ?? throw new NotFoundException("Letter", request.LetterId);
        db.ExpectVersion(letter, request.Version);
        letter.Edit(request.Subject, request.Body);
        await db.SaveChangesAsync(ct);
        return letter.Version;
    }
}

using CaseDesk.Domain.Clocks;
using System.Globalization;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Letters;

/// <summary>
/// Composes an unsent information letter for a case from a template, filled with the case's data and
/// the author's signature (section 11). The letter's clock starts when the client asked for the
/// information: now, unless the request says it was earlier.
/// </summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record ComposeLetter(Guid CaseId, Guid TemplateId, DateTime? RequestedAtUtc = null) : ICommand<Guid>;

internal sealed class ComposeLetterValidator : AbstractValidator<ComposeLetter>
{
    public ComposeLetterValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(r => r.TemplateId).MustAsync((id, ct) => db.LetterTemplates.AnyAsync(t => t.Id == id && t.IsActive, ct))
            .WithMessage(_ => T("Choose a template."));
        RuleFor(r => r.RequestedAtUtc)
            .Must(at => at is null || at <= clock.GetUtcNow().UtcDateTime.AddMinutes(5)).WithMessage(_ => T("The date cannot be in the future."))
            .Must(at => at is null || at.Value.Year >= 2000).WithMessage(_ => T("The date is out of range."));
    }
}

internal sealed class ComposeLetterHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<ComposeLetter, Guid>
{
    public async Task<Guid> Handle(ComposeLetter request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var caller = callers.Caller.UserId;
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId, ct) ?? throw new NotFoundException("Case", request.CaseId);
        @case.EnsureOpen();
        var chosen = await db.LetterTemplates.AsNoTracking().SingleAsync(t => t.Id == request.TemplateId, ct);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == @case.ClientId).Select(c => new { c.FirstName, c.LastName, c.Language }).SingleAsync(ct);
        // 9.4: the client's language where the letter has a template in it; otherwise Lithuanian (the form says so before).
        var template = await db.LetterTemplates.AsNoTracking()
            .Where(t => t.IsActive && t.Code == chosen.Code && t.Language == client.Language)
            .SingleOrDefaultAsync(ct) ?? chosen;
        var author = await LetterAuthors.FindAsync(db, caller, @case.UnitId, ct);

        var values = new Dictionary<string, string>
        {
            ["Salutation"] = StandardLetterTemplates.Salutation(template.Language, client.FirstName, client.LastName),
            ["ClientName"] = $"{client.FirstName} {client.LastName}",
            ["CaseNumber"] = @case.Number,
            ["Service"] = @case.ServiceRequested,
            ["EmployeeName"] = author.Name,
            ["EmployeePosition"] = author.Position,
            ["EmployeePhone"] = author.Phone,
            ["Unit"] = author.Unit,
            ["Date"] = VilniusTime.ToLocal(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var subject = InformationLetter.Fill(template.Subject, values);
        var letter = new InformationLetter(Guid.CreateVersion7(), @case.Id, @case.ClientId, template.Id,
            subject.Length <= 300 ? subject : subject[..299] + "…", InformationLetter.Fill(template.Body, values),
            request.RequestedAtUtc ?? now, now, caller, template.Language);
        db.InformationLetters.Add(letter);
        await clocks.StartAsync(ClockKind.InformationLetter, nameof(InformationLetter), letter.Id, caller,
            letter.ClientId, letter.CaseId, letter.RequestedAtUtc, ct);
        await db.SaveChangesAsync(ct);
        return letter.Id;
    }
}

/// <summary>The signature block of section 11: name and surname, position, unit, phone.</summary>
internal sealed record LetterAuthor(string Name, string Position, string Phone, string Unit);

internal static class LetterAuthors
{
    /// <summary>The employee's own unit, or the case's unit when the employee has none.</summary>
    public static async Task<LetterAuthor> FindAsync(CaseDeskDb db, string userId, Guid fallbackUnitId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.FirstName, u.LastName, u.Position, u.PhoneNumber, u.UnitId })
            .SingleOrDefaultAsync(ct);
        var unitId = user?.UnitId ?? fallbackUnitId;
        var unit = await db.OrgUnits.AsNoTracking().Where(o => o.Id == unitId).Select(o => o.NameLt).SingleOrDefaultAsync(ct) ?? "";
        return user is null
            ? new LetterAuthor("", "", "", unit)
            : new LetterAuthor($"{user.FirstName} {user.LastName}".Trim(), user.Position, user.PhoneNumber ?? "", unit);
    }
}

using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Letters;

/// <summary>The information letters of a case, newest first.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListCaseLetters(Guid CaseId) : IQuery<IReadOnlyList<LetterRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record LetterRow(Guid Id, Guid Version, Guid ClientId, string Subject, string? TemplateName, DateTime RequestedAtUtc,
    DateTime CreatedAtUtc, string Author, DateTime? SentAtUtc, LetterChannel? Channel) : IHasClientId
{
    public bool IsSent => SentAtUtc is not null;
}

internal sealed class ListCaseLettersHandler(CaseDeskDb db) : IRequestHandler<ListCaseLetters, IReadOnlyList<LetterRow>>
{
    public async Task<IReadOnlyList<LetterRow>> Handle(ListCaseLetters request, CancellationToken ct) =>
        await db.InformationLetters.AsNoTracking().Where(l => l.CaseId == request.CaseId)
            .OrderByDescending(l => l.CreatedAtUtc)
            .Select(l => new LetterRow(l.Id, l.Version, l.ClientId, l.Subject,
                db.LetterTemplates.Where(t => t.Id == l.TemplateId).Select(t => t.Name).FirstOrDefault(),
                l.RequestedAtUtc, l.CreatedAtUtc,
                db.Users.Where(u => u.Id == l.CreatedByUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? "",
                l.SentAtUtc, l.Channel))
            .ToListAsync(ct);
}

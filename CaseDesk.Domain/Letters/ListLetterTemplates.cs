using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Letters;

/// <summary>The active letter templates to compose from (touchpoint 6).</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListLetterTemplates : IQuery<IReadOnlyList<LetterTemplateRow>>;

public sealed record LetterTemplateRow(Guid Id, string Code, string Name, string Subject, string Body);

internal sealed class ListLetterTemplatesHandler(CaseDeskDb db) : IRequestHandler<ListLetterTemplates, IReadOnlyList<LetterTemplateRow>>
{
    public async Task<IReadOnlyList<LetterTemplateRow>> Handle(ListLetterTemplates request, CancellationToken ct) =>
        await db.LetterTemplates.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
            .Select(t => new LetterTemplateRow(t.Id, t.Code, t.Name, t.Subject, t.Body))
            .ToListAsync(ct);
}

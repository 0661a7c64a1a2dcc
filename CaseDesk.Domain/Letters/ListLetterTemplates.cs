using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Letters;

/// <summary>The active letters to compose from (touchpoint 6): their Lithuanian templates, each with the languages it exists in.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListLetterTemplates : IQuery<IReadOnlyList<LetterTemplateRow>>;

public sealed record LetterTemplateRow(Guid Id, string Code, string Name, string Subject, string Body, IReadOnlyList<ClientLanguage> Languages)
{
    /// <summary>The language a letter from this template is written in for a client of the given language.</summary>
    public ClientLanguage LanguageFor(ClientLanguage client) => Languages.Contains(client) ? client : ClientLanguage.Lithuanian;
}

internal sealed class ListLetterTemplatesHandler(CaseDeskDb db) : IRequestHandler<ListLetterTemplates, IReadOnlyList<LetterTemplateRow>>
{
    public async Task<IReadOnlyList<LetterTemplateRow>> Handle(ListLetterTemplates request, CancellationToken ct)
    {
        var active = await db.LetterTemplates.AsNoTracking().Where(t => t.IsActive)
            .Select(t => new { t.Id, t.Code, t.Name, t.Subject, t.Body, t.Language })
            .ToListAsync(ct);
        return active.Where(t => t.Language == ClientLanguage.Lithuanian)
            .OrderBy(t => t.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("lt-LT"), false))
            .Select(t => new LetterTemplateRow(t.Id, t.Code, t.Name, t.Subject, t.Body,
                active.Where(o => o.Code == t.Code).Select(o => o.Language).Order().ToList()))
            .ToList();
    }
}

using CaseDesk.Domain.Clocks;
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
    DateTime CreatedAtUtc, string Author, DateTime? SentAtUtc, LetterChannel? Channel, LetterClock? Clock) : IHasClientId
{
    public bool IsSent => SentAtUtc is not null;
}

/// <summary>The open information-letter clock of an unsent letter (docs/clocks.md): it may pause while the client's documents are awaited.</summary>
public sealed record LetterClock(Guid Id, ClockStatus Status, DateTime DueAtUtc, string? PauseReason);

internal sealed class ListCaseLettersHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<ListCaseLetters, IReadOnlyList<LetterRow>>
{
    public async Task<IReadOnlyList<LetterRow>> Handle(ListCaseLetters request, CancellationToken ct)
    {
        var rows = await Rows(request.CaseId, ct);
        var unsent = rows.Where(r => !r.IsSent).Select(r => r.Id).ToList();
        if (unsent.Count == 0)
            return rows;
        var now = clock.GetUtcNow().UtcDateTime;
        var clocks = (await db.ResponseClocks.AsNoTracking()
                .Where(c => c.Kind == ClockKind.InformationLetter && unsent.Contains(c.SubjectId)
                    && (c.State == ClockState.Running || c.State == ClockState.Paused))
                .ToListAsync(ct))
            .ToDictionary(c => c.SubjectId, c => new LetterClock(c.Id, c.StatusAt(now), c.DueAtUtc, c.PauseReason));
        return rows.Select(r => clocks.TryGetValue(r.Id, out var open) ? r with { Clock = open } : r).ToList();
    }

    private async Task<List<LetterRow>> Rows(Guid caseId, CancellationToken ct) =>
        await db.InformationLetters.AsNoTracking().Where(l => l.CaseId == caseId)
            .OrderByDescending(l => l.CreatedAtUtc)
            .Select(l => new LetterRow(l.Id, l.Version, l.ClientId, l.Subject,
                db.LetterTemplates.Where(t => t.Id == l.TemplateId).Select(t => t.Name).FirstOrDefault(),
                l.RequestedAtUtc, l.CreatedAtUtc,
                db.Users.Where(u => u.Id == l.CreatedByUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? "",
                l.SentAtUtc, l.Channel, null))
            .ToListAsync(ct);
}

using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Incidents;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Training;

/// <summary>What the trainer looks for: the kind of situation, where in the journey, which commitment, words in it.</summary>
public sealed record LibraryFilter(IncidentType? Type = null, int? Touchpoint = null, string? Commitment = null);

/// <summary>
/// The trainer library: released training copies only, never a source. Every read by a trainer is
/// audited although it shows no personal data (docs/training.md).
/// </summary>
[AllowedRoles(Roles.Trainer, Roles.QualityOfficer)]
public sealed record SearchTrainingLibrary(LibraryFilter Filter, ListWindow Window) : IQuery<Page<LibraryRow>>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(TrainingCopy);
    string? IAuditedRead.AuditedRecordId => null;
}

public sealed record LibraryRow(Guid Id, string Title, IncidentType Type, int? Touchpoint, string? TouchpointName, IReadOnlyList<string> Commitments,
    string Period, string Excerpt);

internal sealed class SearchTrainingLibraryValidator : AbstractValidator<SearchTrainingLibrary>
{
    public SearchTrainingLibraryValidator()
    {
        RuleFor(r => r.Window).ValidWindow();
        RuleFor(r => r.Filter.Touchpoint).Must(t => t is null or >= 1 and <= 10).WithMessage(_ => T("Choose the touchpoint (1-10)."));
        RuleFor(r => r.Filter.Commitment).Must(c => c is null || ComplaintRules.Numerals.Contains(c)).WithMessage(_ => T("Unknown commitment."));
        RuleFor(r => r.Filter.Commitment).SingleLine();
    }
}

internal sealed class SearchTrainingLibraryHandler(CaseDeskDb db) : IRequestHandler<SearchTrainingLibrary, Page<LibraryRow>>
{
    public async Task<Page<LibraryRow>> Handle(SearchTrainingLibrary request, CancellationToken ct)
    {
        var f = request.Filter;
        var query = db.TrainingCopies.AsNoTracking().Where(c => c.Status == TrainingCopyStatus.Released);
        if (f.Type is { } type)
            query = query.Where(c => c.Type == type);
        if (f.Touchpoint is { } touchpoint)
            query = query.Where(c => c.Touchpoint == touchpoint);
        if (!string.IsNullOrEmpty(f.Commitment))
        {
            var tag = "," + f.Commitment + ",";
            query = query.Where(c => c.Commitments.Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(request.Window.Search))
        {
            // On the folded key: case- and diacritic-insensitive, the same on SQLite and PostgreSQL.
            var key = Clients.Client.SearchKey(request.Window.Search);
            query = query.Where(c => c.SearchKey.Contains(key));
        }
        var total = await query.CountAsync(ct);
        var copies = await query.OrderByDescending(c => c.ReleasedAtUtc).ThenBy(c => c.Id).Skip(request.Window.Skip).Take(request.Window.Take)
            .Select(c => new { c.Id, c.Title, c.Type, c.Touchpoint, c.Commitments, c.Period, c.Situation }).ToListAsync(ct);
        var names = await TrainingText.TouchpointNamesAsync(db, ct);
        return new Page<LibraryRow>(copies.Select(c => new LibraryRow(c.Id, c.Title, c.Type, c.Touchpoint,
            c.Touchpoint is { } t ? names.GetValueOrDefault(t) : null, CommitmentList.Split(c.Commitments), c.Period,
            c.Situation.Length <= 240 ? c.Situation : c.Situation[..237] + "…")).ToList(), total);
    }
}

/// <summary>One released copy in full, for reading before it goes into a pack.</summary>
[AllowedRoles(Roles.Trainer, Roles.QualityOfficer)]
public sealed record GetTrainingCase(Guid Id) : IQuery<TrainingCase>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(TrainingCopy);
    string? IAuditedRead.AuditedRecordId => Id.ToString();
}

public sealed record TrainingCase(Guid Id, string Title, IncidentType Type, int? Touchpoint, string? TouchpointName,
    IReadOnlyList<string> Commitments, string Period, string Situation, string? Handling, string? Outcome);

internal sealed class GetTrainingCaseHandler(CaseDeskDb db) : IRequestHandler<GetTrainingCase, TrainingCase>
{
    public async Task<TrainingCase> Handle(GetTrainingCase request, CancellationToken ct)
    {
        // An unreleased copy is "not found" for everyone here: the officer reviews drafts on the review screen.
        var c = await db.TrainingCopies.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id && x.Status == TrainingCopyStatus.Released, ct)
            ?? throw new NotFoundException("TrainingCopy", request.Id);
        var names = await TrainingText.TouchpointNamesAsync(db, ct);
        return new TrainingCase(c.Id, c.Title, c.Type, c.Touchpoint, c.Touchpoint is { } t ? names.GetValueOrDefault(t) : null,
            CommitmentList.Split(c.Commitments), c.Period, c.Situation, c.Handling, c.Outcome);
    }
}

internal static class TrainingText
{
    public static string TypeName(IncidentType type) => type switch
    {
        IncidentType.Complaint => T("A complaint"),
        IncidentType.Conflict => T("Conflict"),
        IncidentType.Error => T("Error"),
        IncidentType.IntoxicatedClient => T("Intoxicated client"),
        IncidentType.AggressiveClient => T("Aggressive client"),
        IncidentType.DifficultCall => T("Difficult call"),
        _ => T("Other situation"),
    };

    public static async Task<Dictionary<int, string>> TouchpointNamesAsync(CaseDeskDb db, CancellationToken ct) =>
        (await db.Touchpoints.AsNoTracking().Select(t => new { t.Number, t.NameLt, t.NameEn }).ToListAsync(ct))
            .ToDictionary(t => t.Number, t => $"{t.Number}. {ComplaintQueries.Localized(t.NameLt, t.NameEn)}");

    public static async Task<Dictionary<string, string>> CommitmentNamesAsync(CaseDeskDb db, CancellationToken ct) =>
        (await db.Commitments.AsNoTracking().Select(k => new { k.Numeral, k.TitleLt, k.TitleEn }).ToListAsync(ct))
            .ToDictionary(k => k.Numeral, k => $"{k.Numeral} {ComplaintQueries.Localized(k.TitleLt, k.TitleEn)}");
}

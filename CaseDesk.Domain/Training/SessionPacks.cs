using System.Text;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Incidents;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Training;

public sealed record PackItemInput(Guid CopyId, string? Questions);

/// <summary>Creates (no id) or saves a session pack: a title, questions for the session, released copies in order with their questions.</summary>
[AllowedRoles(Roles.Trainer, Roles.QualityOfficer)]
public sealed record SaveSessionPack(Guid? Id, Guid? Version, string Title, string? Questions, IReadOnlyList<PackItemInput> Items) : ICommand<Guid>;

internal sealed class SaveSessionPackValidator : AbstractValidator<SaveSessionPack>
{
    public SaveSessionPackValidator(CaseDeskDb db)
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage(_ => T("Write a title."))
            .MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(r => r.Questions).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Items).Must(i => i.Count <= 50).WithMessage(_ => T("At most {0} incidents in a pack.", 50))
            .Must(i => i.Select(x => x.CopyId).Distinct().Count() == i.Count).WithMessage(_ => T("An incident is in the pack twice."))
            .Must(i => i.All(x => (x.Questions?.Length ?? 0) <= 4000)).WithMessage(_ => T("At most {0} characters.", 4000))
            .MustAsync(async (items, ct) =>
            {
                var ids = items.Select(i => i.CopyId).Distinct().ToList();
                return await db.TrainingCopies.CountAsync(c => ids.Contains(c.Id) && c.Status == TrainingCopyStatus.Released, ct) == ids.Count;
            }).WithMessage(_ => T("Only released incidents can go into a pack."));
        RuleFor(r => r.Version).NotNull().When(r => r.Id is not null).WithMessage(_ => T("The version is missing."));
        RuleFor(r => r.Title).SingleLine();
        RuleFor(r => r.Questions).FreeText();
        RuleForEach(r => r.Items).ChildRules(item => item.RuleFor(i => i.Questions).FreeText());
    }
}

internal sealed class SaveSessionPackHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) : IRequestHandler<SaveSessionPack, Guid>
{
    public async Task<Guid> Handle(SaveSessionPack r, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        SessionPack pack;
        if (r.Id is { } id)
        {
            pack = await db.SessionPacks.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("SessionPack", id);
            db.ExpectVersion(pack, r.Version!.Value);
            pack.Rename(r.Title, r.Questions, now);
        }
        else
        {
            pack = new SessionPack(Guid.CreateVersion7(), r.Title, r.Questions, now, callers.Caller.UserId);
            db.SessionPacks.Add(pack);
        }
        pack.SetItems(r.Items.Select(i => (i.CopyId, i.Questions)));
        await db.SaveChangesAsync(ct);
        return pack.Id;
    }
}

[AllowedRoles(Roles.Trainer, Roles.QualityOfficer)]
public sealed record ListSessionPacks : IQuery<IReadOnlyList<SessionPackRow>>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(SessionPack);
    string? IAuditedRead.AuditedRecordId => null;
}

public sealed record SessionPackRow(Guid Id, string Title, int Incidents, string CreatedBy, DateTime UpdatedAtUtc);

internal sealed class ListSessionPacksHandler(CaseDeskDb db) : IRequestHandler<ListSessionPacks, IReadOnlyList<SessionPackRow>>
{
    public async Task<IReadOnlyList<SessionPackRow>> Handle(ListSessionPacks request, CancellationToken ct) =>
        await db.SessionPacks.AsNoTracking().OrderByDescending(p => p.UpdatedAtUtc).Take(200)
            .Select(p => new SessionPackRow(p.Id, p.Title, p.Items.Count,
                db.Users.Where(u => u.Id == p.CreatedByUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? "", p.UpdatedAtUtc))
            .ToListAsync(ct);
}

/// <summary>A pack with its incidents' released text. A copy withdrawn since it was added shows as withdrawn, without its text.</summary>
[AllowedRoles(Roles.Trainer, Roles.QualityOfficer)]
public sealed record GetSessionPack(Guid Id) : IQuery<SessionPackDetails>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(SessionPack);
    string? IAuditedRead.AuditedRecordId => Id.ToString();
}

public sealed record SessionPackDetails(Guid Id, Guid Version, string Title, string? Questions, DateTime UpdatedAtUtc, IReadOnlyList<PackItemRow> Items);

public sealed record PackItemRow(int Position, Guid CopyId, bool Withdrawn, string Title, IncidentType Type, string? TouchpointName,
    IReadOnlyList<string> Commitments, string Period, string Situation, string? Handling, string? Outcome, string? Questions);

internal sealed class GetSessionPackHandler(CaseDeskDb db) : IRequestHandler<GetSessionPack, SessionPackDetails>
{
    public Task<SessionPackDetails> Handle(GetSessionPack request, CancellationToken ct) => SessionPackReader.ReadAsync(db, request.Id, ct);
}

/// <summary>The pack as a Markdown file for the session (the download on the pack page).</summary>
[AllowedRoles(Roles.Trainer, Roles.QualityOfficer)]
public sealed record ExportSessionPackMarkdown(Guid Id) : IQuery<PackExport>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(SessionPack);
    string? IAuditedRead.AuditedRecordId => Id.ToString();
}

public sealed record PackExport(string FileName, string Markdown);

internal sealed class ExportSessionPackMarkdownHandler(CaseDeskDb db) : IRequestHandler<ExportSessionPackMarkdown, PackExport>
{
    public async Task<PackExport> Handle(ExportSessionPackMarkdown request, CancellationToken ct)
    {
        var pack = await SessionPackReader.ReadAsync(db, request.Id, ct);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(pack.Title).AppendLine();
        if (pack.Questions is not null)
            md.Append("## ").AppendLine(T("Questions for the session")).AppendLine().AppendLine(pack.Questions).AppendLine();
        foreach (var item in pack.Items)
        {
            md.Append("## ").Append(item.Position).Append(". ").AppendLine(item.Withdrawn ? T("(withdrawn by the standard officer)") : item.Title).AppendLine();
            if (item.Withdrawn)
                continue;
            md.Append("- ").Append(T("Type")).Append(": ").AppendLine(TrainingText.TypeName(item.Type));
            if (item.TouchpointName is not null)
                md.Append("- ").Append(T("Touchpoint")).Append(": ").AppendLine(item.TouchpointName);
            if (item.Commitments.Count > 0)
                md.Append("- ").Append(T("Commitments")).Append(": ").AppendLine(string.Join(", ", item.Commitments));
            md.Append("- ").Append(T("Period")).Append(": ").AppendLine(item.Period).AppendLine();
            Section(T("What happened"), item.Situation);
            Section(T("How it was handled"), item.Handling);
            Section(T("Outcome"), item.Outcome);
            Section(T("Discussion questions"), item.Questions);
        }
        md.AppendLine("---").AppendLine(T("Names, contacts and places are replaced; dates are days relative to the incident (D+3 = three days after it)."));
        // "Sunkūs skambučiai" → "sunkus-skambuciai.md": letters folded to ASCII, anything else a single dash.
        var slug = System.Text.RegularExpressions.Regex.Replace(Clients.Client.SearchKey(pack.Title), "[^a-z0-9]+", "-").Trim('-');
        return new PackExport($"{(slug.Length == 0 ? "sesija" : slug[..Math.Min(slug.Length, 60)])}.md", md.ToString());

        void Section(string heading, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            md.Append("### ").AppendLine(heading).AppendLine().AppendLine(text.Trim()).AppendLine();
        }
    }
}

internal static class SessionPackReader
{
    public static async Task<SessionPackDetails> ReadAsync(CaseDeskDb db, Guid id, CancellationToken ct)
    {
        var pack = await db.SessionPacks.AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("SessionPack", id);
        var copyIds = pack.Items.Select(i => i.CopyId).ToList();
        var copies = await db.TrainingCopies.AsNoTracking().Where(c => copyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var touchpoints = await TrainingText.TouchpointNamesAsync(db, ct);
        var items = pack.Items.OrderBy(i => i.Position).Select(i =>
        {
            var c = copies[i.CopyId];
            return c.IsReleased
                ? new PackItemRow(i.Position, c.Id, false, c.Title, c.Type, c.Touchpoint is { } t ? touchpoints.GetValueOrDefault(t) : null,
                    CommitmentList.Split(c.Commitments), c.Period, c.Situation, c.Handling, c.Outcome, i.Questions)
                : new PackItemRow(i.Position, c.Id, true, "", c.Type, null, [], "", "", null, null, i.Questions);
        }).ToList();
        return new SessionPackDetails(pack.Id, pack.Version, pack.Title, pack.Questions, pack.UpdatedAtUtc, items);
    }
}

using System.Text.RegularExpressions;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Incidents;

public enum IncidentListFilter
{
    ToReview = 1,
    Released = 2,
    All = 3,
}

/// <summary>The standard officer's review queue: incidents with the state of their copy, newest first.</summary>
[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record ListIncidents(IncidentListFilter Filter, ListWindow Window) : IQuery<Page<IncidentRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record IncidentRow(Guid Id, IncidentType Type, int? Touchpoint, DateTime OccurredAtUtc, DateTime RecordedAtUtc, string RecordedBy,
    string CopyTitle, TrainingCopyStatus CopyStatus, Guid? SourceClientId, bool FromComplaint, bool FromContact) : IHasClientId
{
    Guid IHasClientId.ClientId => SourceClientId ?? Guid.Empty;
}

internal sealed class ListIncidentsValidator : AbstractValidator<ListIncidents>
{
    public ListIncidentsValidator() => RuleFor(r => r.Window).ValidWindow();
}

internal sealed class ListIncidentsHandler(CaseDeskDb db) : IRequestHandler<ListIncidents, Page<IncidentRow>>
{
    public async Task<Page<IncidentRow>> Handle(ListIncidents request, CancellationToken ct)
    {
        var query = from i in db.Incidents.AsNoTracking()
                    join c in db.TrainingCopies.AsNoTracking() on i.Id equals c.IncidentId
                    select new { i, c };
        query = request.Filter switch
        {
            IncidentListFilter.ToReview => query.Where(x => x.c.Status == TrainingCopyStatus.Draft),
            IncidentListFilter.Released => query.Where(x => x.c.Status == TrainingCopyStatus.Released),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(request.Window.Search))
        {
            var text = request.Window.Search.Trim();
            query = query.Where(x => x.c.Title.Contains(text) || x.i.WhatHappened.Contains(text));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.i.RecordedAtUtc).Skip(request.Window.Skip).Take(request.Window.Take)
            .Select(x => new IncidentRow(x.i.Id, x.i.Type, x.i.Touchpoint, x.i.OccurredAtUtc, x.i.RecordedAtUtc,
                db.Users.Where(u => u.Id == x.i.RecordedByUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? "",
                x.c.Title, x.c.Status, x.i.ClientId, x.i.ComplaintId != null, x.i.ContactId != null))
            .ToListAsync(ct);
        return new Page<IncidentRow>(rows, total);
    }
}

/// <summary>
/// The review screen: the source incident (with the people linked and what the anonymizer replaced)
/// beside its training copy. Only the standard officer sees both.
/// </summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record GetIncidentReview(Guid IncidentId) : IQuery<IncidentReviewDetails>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record IncidentReviewDetails(
    Guid Id, IncidentType Type, int? Touchpoint, IReadOnlyList<string> Commitments, DateTime OccurredAtUtc, DateTime RecordedAtUtc, string RecordedBy,
    string WhatHappened, string? HowHandled, string? Outcome, Guid? SourceClientId, Guid? CaseId, Guid? ComplaintId, Guid? ContactId,
    IReadOnlyList<LinkedPersonRow> People, IReadOnlyList<RedactionRow> Redactions, TrainingCopyDetails Copy) : IHasClientId
{
    Guid IHasClientId.ClientId => SourceClientId ?? Guid.Empty;
}

public sealed record LinkedPersonRow(PersonRole Role, string Name, string Pseudonym);

public sealed record RedactionRow(RedactionKind Kind, string Original, string Replacement);

public sealed record TrainingCopyDetails(Guid Id, Guid Version, TrainingCopyStatus Status, string Period, string Title, string Situation,
    string? Handling, string? Outcome, DateTime? EditedAtUtc, string? EditedBy, DateTime? ReleasedAtUtc, string? ReleasedBy);

internal sealed class GetIncidentReviewHandler(CaseDeskDb db) : IRequestHandler<GetIncidentReview, IncidentReviewDetails>
{
    public async Task<IncidentReviewDetails> Handle(GetIncidentReview request, CancellationToken ct)
    {
        var i = await db.Incidents.AsNoTracking().Include(x => x.People).Include(x => x.Redactions).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == request.IncidentId, ct) ?? throw new NotFoundException("Incident", request.IncidentId);
        var c = await db.TrainingCopies.AsNoTracking().SingleAsync(x => x.IncidentId == i.Id, ct);
        var userIds = new[] { i.RecordedByUserId, c.EditedByUserId ?? "", c.ReleasedByUserId ?? "" };
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, ct);
        string? Name(string? id) => id is null ? null : names.GetValueOrDefault(id, id);

        return new IncidentReviewDetails(i.Id, i.Type, i.Touchpoint, CommitmentList.Split(i.Commitments), i.OccurredAtUtc, i.RecordedAtUtc,
            Name(i.RecordedByUserId)!, i.WhatHappened, i.HowHandled, i.Outcome, i.ClientId, i.CaseId, i.ComplaintId, i.ContactId,
            i.People.OrderBy(p => p.Role).ThenBy(p => p.Name, LithuanianOrder.Instance)
                .Select(p => new LinkedPersonRow(p.Role, p.Name, p.Pseudonym ?? "")).ToList(),
            i.Redactions.OrderBy(r => r.Kind).ThenBy(r => r.Original).Select(r => new RedactionRow(r.Kind, r.Original, r.Replacement)).ToList(),
            new TrainingCopyDetails(c.Id, c.Version, c.Status, c.Period, c.Title, c.Situation, c.Handling, c.Outcome,
                c.EditedAtUtc, Name(c.EditedByUserId), c.ReleasedAtUtc, Name(c.ReleasedByUserId)));
    }
}

/// <summary>The officer corrects the copy (a missed name, a detail that identifies someone, a clearer title). Only a draft may be edited.</summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record EditTrainingCopy(Guid CopyId, Guid Version, string Title, string Situation, string? Handling, string? Outcome) : ICommand<Guid>;

internal sealed class EditTrainingCopyValidator : AbstractValidator<EditTrainingCopy>
{
    public EditTrainingCopyValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage(_ => T("Write a title."))
            .MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(r => r.Situation).NotEmpty().WithMessage(_ => T("Write what happened."))
            .MaximumLength(8000).WithMessage(_ => T("At most {0} characters.", 8000));
        RuleFor(r => r.Handling).MaximumLength(8000).WithMessage(_ => T("At most {0} characters.", 8000));
        RuleFor(r => r.Outcome).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Title).SingleLine();
        RuleFor(r => r.Situation).FreeText();
        RuleFor(r => r.Handling).FreeText();
        RuleFor(r => r.Outcome).FreeText();
    }
}

internal sealed class EditTrainingCopyHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) : IRequestHandler<EditTrainingCopy, Guid>
{
    public async Task<Guid> Handle(EditTrainingCopy r, CancellationToken ct)
    {
        var copy = await CopyRules.LoadAsync(db, r.CopyId, r.Version, ct);
        copy.Edit(r.Title, r.Situation, r.Handling, r.Outcome, clock.GetUtcNow().UtcDateTime, callers.Caller.UserId);
        await db.SaveChangesAsync(ct);
        return copy.Version;
    }
}

/// <summary>Runs the anonymizer again over the source (e.g. after a wrong edit); only a draft.</summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record RemakeTrainingCopy(Guid CopyId, Guid Version) : ICommand<Guid>;

internal sealed class RemakeTrainingCopyHandler(CaseDeskDb db, IPersonalCodeProtector codes, TimeProvider clock) : IRequestHandler<RemakeTrainingCopy, Guid>
{
    public async Task<Guid> Handle(RemakeTrainingCopy r, CancellationToken ct)
    {
        var copy = await CopyRules.LoadAsync(db, r.CopyId, r.Version, ct);
        var incident = await db.Incidents.Include(i => i.People).Include(i => i.Redactions).AsSplitQuery().SingleAsync(i => i.Id == copy.IncidentId, ct);
        await IncidentAnonymization.MakeCopyAsync(db, codes, incident, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return copy.Version;
    }
}

/// <summary>The officer lets trainers see the copy.</summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record ReleaseTrainingCopy(Guid CopyId, Guid Version) : ICommand<Guid>;

internal sealed class ReleaseTrainingCopyHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) : IRequestHandler<ReleaseTrainingCopy, Guid>
{
    public async Task<Guid> Handle(ReleaseTrainingCopy r, CancellationToken ct)
    {
        var copy = await CopyRules.LoadAsync(db, r.CopyId, r.Version, ct);
        if (!copy.IsReleased)
        {
            // The officer may have edited the copy since the anonymizer made it: scan what is released, not what was made.
            var incident = await db.Incidents.AsNoTracking().Include(i => i.People).Include(i => i.Redactions).AsSplitQuery()
                .SingleAsync(i => i.Id == copy.IncidentId, ct);
            if (CopyRules.DetailLeftIn(copy, incident) is { } kind)
                throw new DomainRefusalException(CopyRules.StillContains(kind));
        }
        copy.Release(clock.GetUtcNow().UtcDateTime, callers.Caller.UserId);
        await db.SaveChangesAsync(ct);
        return copy.Version;
    }
}

/// <summary>The officer takes a copy back from trainers (it then leaves every session pack's export).</summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record WithdrawTrainingCopy(Guid CopyId, Guid Version) : ICommand<Guid>;

internal sealed class WithdrawTrainingCopyHandler(CaseDeskDb db) : IRequestHandler<WithdrawTrainingCopy, Guid>
{
    public async Task<Guid> Handle(WithdrawTrainingCopy r, CancellationToken ct)
    {
        var copy = await CopyRules.LoadAsync(db, r.CopyId, r.Version, ct);
        copy.Withdraw();
        await db.SaveChangesAsync(ct);
        return copy.Version;
    }
}

internal static class CopyRules
{
    /// <summary>
    /// The kind of the first detail of the source still in the copy: an original the anonymizer replaced (ages aside,
    /// whose bands repeat their numbers), or any name form of a person linked to the incident. Null when none is left.
    /// </summary>
    public static RedactionKind? DetailLeftIn(TrainingCopy copy, Incident incident)
    {
        var text = string.Join("\n", copy.Title, copy.Situation, copy.Handling, copy.Outcome);
        // Names are checked below by the anonymizer itself, which keeps an ordinary word equal to a name ("žydėjo rūta")
        // as the copy did; matching the name's originals here would refuse every copy that kept one.
        foreach (var redaction in incident.Redactions.Where(r => r.Kind is not (RedactionKind.Age or RedactionKind.Name) && r.Original.Trim().Length >= 3).OrderBy(r => r.Kind))
        {
            // Phones and codes by their digits, however the officer grouped them ("+370 61234567" for "+37061234567").
            var original = redaction.Kind is RedactionKind.Phone or RedactionKind.PersonalCode
                ? string.Join(@"[\s.\-–()]*", redaction.Original.Where(char.IsAsciiDigit))
                : Regex.Escape(redaction.Original.Trim()).Replace(@"\ ", @"\s+");
            if (Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){original}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                return redaction.Kind;
        }
        var names = new Anonymizer(incident.People.Select(p => new AnonymizerPerson(p.Role, p.Name)),
            DateOnly.FromDateTime(VilniusTime.ToLocal(incident.OccurredAtUtc)));
        names.Apply(text);
        return names.Replacements.Any(r => r.Kind == RedactionKind.Name) ? RedactionKind.Name : null;
    }

    public static string StillContains(RedactionKind kind) => kind switch
    {
        RedactionKind.Name => T("The copy cannot be released, because it still contains a name of a person linked to the incident."),
        RedactionKind.PersonalCode => T("The copy cannot be released, because it still contains a personal code from the source."),
        RedactionKind.Phone => T("The copy cannot be released, because it still contains a phone number from the source."),
        RedactionKind.Email => T("The copy cannot be released, because it still contains an e-mail address from the source."),
        RedactionKind.Address => T("The copy cannot be released, because it still contains an address from the source."),
        RedactionKind.BirthDate or RedactionKind.Date => T("The copy cannot be released, because it still contains a date from the source."),
        RedactionKind.Reference => T("The copy cannot be released, because it still contains a record number from the source."),
        _ => T("The copy cannot be released, because it still contains a detail the anonymizer removed from the source."),
    };

    public static async Task<TrainingCopy> LoadAsync(CaseDeskDb db, Guid id, Guid version, CancellationToken ct)
    {
        var copy = await db.TrainingCopies.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("TrainingCopy", id);
        db.ExpectVersion(copy, version);
        return copy;
    }
}

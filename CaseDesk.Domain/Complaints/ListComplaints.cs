using System.Globalization;
using System.Linq.Expressions;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

public enum ComplaintScope
{
    /// <summary>Complaints not closed; suggestions and praise not yet thanked or with an action not verified done.</summary>
    Open = 1,
    Closed = 2,
    All = 3,
}

/// <summary>
/// What the complaint list shows. The analysis hands one of these with every figure, so a click on a
/// number lists exactly the complaints behind it. <see cref="None"/> in RootCause or Commitment (0 for
/// Touchpoint, <see cref="Guid.Empty"/> for Unit) means "not yet set".
/// </summary>
public sealed record ComplaintFilter(
    ComplaintScope Scope = ComplaintScope.Open, FeedbackKind? Kind = null, ComplaintStage? Stage = null,
    string? RootCause = null, int? Touchpoint = null, string? Commitment = null, Guid? Unit = null,
    DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null)
{
    public const string None = "-";
}

/// <summary>The feedback register (complaints, suggestions, praise): paged, sorted, filtered, searched by number, text or client name.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListComplaints(ComplaintFilter Filter, ListWindow Window) : IQuery<Page<ComplaintRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

/// <summary>A row of the register; <see cref="FollowedByCode"/>: given on the public form, the person follows it with their tracking code.</summary>
public sealed record ComplaintRow(Guid Id, string Number, FeedbackKind Kind, FeedbackSource Source, DateTime ReceivedAtUtc, ComplaintStage Stage,
    bool IsOpen, string Excerpt, Guid? ClientId, string? From, bool IsAnonymous, int ActionsOpen, DateTime? ClosedAtUtc, bool FollowedByCode = false) : IHasClientId
{
    Guid IHasClientId.ClientId => ClientId ?? Guid.Empty;
}

internal sealed class ListComplaintsValidator : AbstractValidator<ListComplaints>
{
    public ListComplaintsValidator()
    {
        RuleFor(r => r.Window).ValidWindow();
        RuleFor(r => r.Filter.Scope).IsInEnum();
        RuleFor(r => r.Filter.Kind).IsInEnum();
        RuleFor(r => r.Filter.Stage).IsInEnum();
        RuleFor(r => r.Filter).Must(f => f.ReceivedFrom is null || f.ReceivedTo is null || f.ReceivedFrom <= f.ReceivedTo)
            .WithMessage(_ => T("The period must not end before it starts."));
        RuleFor(r => r.Filter.RootCause).SingleLine();
        RuleFor(r => r.Filter.Commitment).SingleLine();
    }
}

internal sealed class ListComplaintsHandler(CaseDeskDb db) : IRequestHandler<ListComplaints, Page<ComplaintRow>>
{
    public async Task<Page<ComplaintRow>> Handle(ListComplaints request, CancellationToken ct)
    {
        var w = request.Window;
        var query = ComplaintQueries.Filtered(db, request.Filter);

        var search = w.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.StartsWith("SK-", StringComparison.OrdinalIgnoreCase) || search.StartsWith("PA-", StringComparison.OrdinalIgnoreCase)
                || search.StartsWith("PD-", StringComparison.OrdinalIgnoreCase))
            {
                var number = search.ToUpperInvariant();
                query = query.Where(c => string.Compare(c.Number, number) >= 0 && string.Compare(c.Number, number + "\uffff") < 0);
            }
            else
            {
                var lower = search.ToLower(CultureInfo.InvariantCulture);
                var key = Clients.Client.SearchKey(search);
                var upper = key + "\uffff";
                var clients = db.Clients.Where(k => (string.Compare(k.NameKey, key) >= 0 && string.Compare(k.NameKey, upper) < 0)
                    || (string.Compare(k.FirstNameKey, key) >= 0 && string.Compare(k.FirstNameKey, upper) < 0)).Select(k => k.Id);
                query = query.Where(c => c.Text.ToLower().Contains(lower)
                    || (c.ContactName != null && c.ContactName.ToLower().Contains(lower))
                    || (c.ClientId != null && clients.Contains(c.ClientId.Value)));
            }
        }

        var total = await query.CountAsync(ct);
        query = (w.SortBy, w.Descending) switch
        {
            (nameof(ComplaintRow.Number), false) => query.OrderBy(c => c.Number),
            (nameof(ComplaintRow.Number), true) => query.OrderByDescending(c => c.Number),
            (nameof(ComplaintRow.Stage), false) => query.OrderBy(c => c.Stage).ThenBy(c => c.ReceivedAtUtc),
            (nameof(ComplaintRow.Stage), true) => query.OrderByDescending(c => c.Stage).ThenBy(c => c.ReceivedAtUtc),
            (nameof(ComplaintRow.Kind), false) => query.OrderBy(c => c.Kind).ThenByDescending(c => c.ReceivedAtUtc),
            (nameof(ComplaintRow.Kind), true) => query.OrderByDescending(c => c.Kind).ThenByDescending(c => c.ReceivedAtUtc),
            (nameof(ComplaintRow.ReceivedAtUtc), false) => query.OrderBy(c => c.ReceivedAtUtc),
            _ => query.OrderByDescending(c => c.ReceivedAtUtc),
        };

        var rows = await query.Skip(w.Skip).Take(w.Take)
            .Select(ComplaintQueries.Row(db))
            .ToListAsync(ct);
        return new Page<ComplaintRow>(rows.Select(r => r with { Excerpt = ComplaintQueries.Shorten(r.Excerpt, 160) }).ToList(), total);
    }
}

/// <summary>Query pieces the complaint list, the desk and the analysis share, so "open" means the same everywhere.</summary>
internal static class ComplaintQueries
{
    /// <summary>
    /// Open: a complaint not closed; a suggestion or praise not yet thanked (unless there is no one to thank: anonymous and not
    /// followed by a tracking code) or with an action not verified done.
    /// </summary>
    public static Expression<Func<Complaint, bool>> IsOpen(CaseDeskDb db) =>
        c => c.Kind == FeedbackKind.Complaint
            ? c.Stage != ComplaintStage.Closed
            : (c.ThankedAtUtc == null
                  && (!(c.ClientId == null && (c.ContactDetails == null || c.ContactDetails == "")) || db.PublicFeedbackTickets.Any(t => t.ComplaintId == c.Id)))
              || c.Actions.Any(a => a.WithdrawnAtUtc == null && (a.Result == null || a.Result != VerificationResult.Done));

    public static IQueryable<Complaint> Filtered(CaseDeskDb db, ComplaintFilter f)
    {
        var query = db.Complaints.AsNoTracking();
        query = f.Scope switch
        {
            ComplaintScope.Open => query.Where(IsOpen(db)),
            ComplaintScope.Closed => query.Where(Not(IsOpen(db))),
            _ => query,
        };
        if (f.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (f.Stage is { } stage) query = query.Where(c => c.Stage == stage);
        if (f.ReceivedFrom is { } from)
        {
            var fromUtc = StartOfDayUtc(from);
            query = query.Where(c => c.ReceivedAtUtc >= fromUtc);
        }
        if (f.ReceivedTo is { } to)
        {
            var toUtc = StartOfDayUtc(to.AddDays(1));
            query = query.Where(c => c.ReceivedAtUtc < toUtc);
        }
        if (f.RootCause is { } cause)
            query = cause == ComplaintFilter.None ? query.Where(c => c.RootCauseCode == null) : query.Where(c => c.RootCauseCode == cause);
        if (f.Touchpoint is { } touchpoint)
            query = WithTag(query, TagKind.Touchpoint, touchpoint == 0 ? null : touchpoint.ToString(CultureInfo.InvariantCulture));
        if (f.Commitment is { } commitment)
            query = WithTag(query, TagKind.Commitment, commitment == ComplaintFilter.None ? null : commitment);
        if (f.Unit is { } unit)
            query = WithTag(query, TagKind.Unit, unit == Guid.Empty ? null : unit.ToString());
        return query;
    }

    /// <summary>With the tag, or (value null) with no tag of that kind at all.</summary>
    private static IQueryable<Complaint> WithTag(IQueryable<Complaint> query, TagKind kind, string? value) =>
        value is null
            ? query.Where(c => !c.Tags.Any(t => t.Kind == kind))
            : query.Where(c => c.Tags.Any(t => t.Kind == kind && t.Value == value));

    public static Expression<Func<Complaint, ComplaintRow>> Row(CaseDeskDb db) =>
        c => new ComplaintRow(c.Id, c.Number, c.Kind, c.Source, c.ReceivedAtUtc, c.Stage,
            c.Kind == FeedbackKind.Complaint
                ? c.Stage != ComplaintStage.Closed
                : (c.ThankedAtUtc == null
                      && (!(c.ClientId == null && (c.ContactDetails == null || c.ContactDetails == "")) || db.PublicFeedbackTickets.Any(t => t.ComplaintId == c.Id)))
                  || c.Actions.Any(a => a.WithdrawnAtUtc == null && (a.Result == null || a.Result != VerificationResult.Done)),
            c.Text.Length > 400 ? c.Text.Substring(0, 400) : c.Text,
            c.ClientId,
            c.ClientId != null
                ? db.Clients.Where(k => k.Id == c.ClientId).Select(k => k.FirstName + " " + k.LastName).FirstOrDefault()
                : c.ContactName,
            c.ClientId == null && (c.ContactDetails == null || c.ContactDetails == ""),
            c.Actions.Count(a => a.WithdrawnAtUtc == null && (a.Result == null || a.Result != VerificationResult.Done)),
            c.ClosedAtUtc,
            db.PublicFeedbackTickets.Any(t => t.ComplaintId == c.Id));

    public static DateTime StartOfDayUtc(DateOnly localDate) => VilniusTime.ToUtc(localDate.ToDateTime(TimeOnly.MinValue));

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The name in the caller's language (reference data carries both).</summary>
    public static string Localized(string lt, string en) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : lt;

    private static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}

using System.Globalization;
using System.Text;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Incidents;

/// <summary>
/// Makes an incident of a complaint: its text and facts become what happened, the apology and action
/// plan how it was handled, the outcome told to the client the outcome; the client, their household,
/// the contact person and every employee named on the complaint's steps and actions are linked.
/// The complaint itself is not changed.
/// </summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record PromoteComplaintToIncident(Guid ComplaintId, IncidentType Type) : ICommand<Guid>;

/// <summary>
/// Makes an incident of a contact: its summary and what was discussed become what happened, what was
/// decided and done how it was handled, the next step the outcome; the client, their household and the
/// employee are linked. The contact itself is not changed.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record PromoteContactToIncident(Guid ContactId, IncidentType Type) : ICommand<Guid>;

internal sealed class PromoteComplaintToIncidentValidator : AbstractValidator<PromoteComplaintToIncident>
{
    public PromoteComplaintToIncidentValidator() => RuleFor(r => r.Type).IsInEnum().WithMessage(_ => T("Choose the type of incident."));
}

internal sealed class PromoteContactToIncidentValidator : AbstractValidator<PromoteContactToIncident>
{
    public PromoteContactToIncidentValidator() => RuleFor(r => r.Type).IsInEnum().WithMessage(_ => T("Choose the type of incident."));
}

internal sealed class PromoteComplaintToIncidentHandler(CaseDeskDb db, IPersonalCodeProtector codes, CallerContext callers, TimeProvider clock)
    : IRequestHandler<PromoteComplaintToIncident, Guid>
{
    public async Task<Guid> Handle(PromoteComplaintToIncident request, CancellationToken ct)
    {
        var c = await db.Complaints.AsNoTracking().Include(x => x.Steps).Include(x => x.Actions).Include(x => x.Tags).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == request.ComplaintId, ct) ?? throw new NotFoundException("Complaint", request.ComplaintId);
        await PromotionRules.EnsureNotPromotedAsync(db, i => i.ComplaintId == c.Id, ct);

        var touchpoint = c.Tags.Where(t => t.Kind == TagKind.Touchpoint).Select(t => int.Parse(t.Value, CultureInfo.InvariantCulture)).Order().Cast<int?>().FirstOrDefault();
        var commitments = c.Tags.Where(t => t.Kind == TagKind.Commitment).Select(t => t.Value);
        var now = clock.GetUtcNow().UtcDateTime;
        var incident = new Incident(Guid.CreateVersion7(), request.Type, touchpoint, commitments, c.ReceivedAtUtc,
            PromotionRules.Join(c.Text, c.Facts), PromotionRules.Join(c.Apology, c.ActionPlan), NullIfEmpty(PromotionRules.Join(c.Outcome, c.RootCauseText)),
            c.ClientId, c.CaseId, c.Id, null, now, callers.Caller.UserId, IncidentAnonymization.RandomShift());
        await IncidentAnonymization.LinkClientAsync(db, incident, c.ClientId, ct);
        if (!string.IsNullOrWhiteSpace(c.ContactName))
            incident.Link(PersonRole.Other, c.ContactName);
        var employees = c.Steps.Select(s => s.ByUserId).Append(c.RegisteredByUserId)
            .Concat(c.Actions.SelectMany(a => new[] { a.OwnerUserId, a.VerifiedByUserId ?? "" }));
        await IncidentAnonymization.LinkEmployeesAsync(db, incident, employees, ct);
        db.Incidents.Add(incident);
        await IncidentAnonymization.MakeCopyAsync(db, codes, incident, now, ct);
        await db.SaveChangesAsync(ct);
        return incident.Id;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

internal sealed class PromoteContactToIncidentHandler(CaseDeskDb db, IPersonalCodeProtector codes, CallerContext callers, TimeProvider clock)
    : IRequestHandler<PromoteContactToIncident, Guid>
{
    public async Task<Guid> Handle(PromoteContactToIncident request, CancellationToken ct)
    {
        var c = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.ContactId, ct)
            ?? throw new NotFoundException("Contact", request.ContactId);
        await PromotionRules.EnsureNotPromotedAsync(db, i => i.ContactId == c.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var handled = PromotionRules.Join(c.Decided, c.Done);
        var incident = new Incident(Guid.CreateVersion7(), request.Type, c.Touchpoint, [], c.OccurredAtUtc,
            PromotionRules.Join(c.Summary, c.Discussed), handled.Length == 0 ? null : handled, c.NextStep,
            c.ClientId, c.CaseId, null, c.Id, now, callers.Caller.UserId, IncidentAnonymization.RandomShift());
        await IncidentAnonymization.LinkClientAsync(db, incident, c.ClientId, ct);
        await IncidentAnonymization.LinkEmployeesAsync(db, incident, [c.EmployeeUserId], ct);
        db.Incidents.Add(incident);
        await IncidentAnonymization.MakeCopyAsync(db, codes, incident, now, ct);
        await db.SaveChangesAsync(ct);
        return incident.Id;
    }
}

internal static class PromotionRules
{
    public static async Task EnsureNotPromotedAsync(CaseDeskDb db, System.Linq.Expressions.Expression<Func<Incident, bool>> source, CancellationToken ct)
    {
        if (await db.Incidents.AnyAsync(source, ct))
            throw new DomainRefusalException(T("This was already made an incident, because one source gives one incident."));
    }

    public static string Join(params string?[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts.Where(p => !string.IsNullOrWhiteSpace(p)))
            text.Append(text.Length == 0 ? "" : "\n\n").Append(part!.Trim());
        return text.ToString();
    }
}

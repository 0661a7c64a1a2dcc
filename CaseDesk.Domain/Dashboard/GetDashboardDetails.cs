using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Dashboard;

/// <summary>Which figure of the dashboard a click opens.</summary>
public enum DashboardDetail
{
    /// <summary>Clocks finished in the window, optionally of one commitment, touchpoint, kind, response band, and met or missed.</summary>
    FinishedClocks = 1,
    /// <summary>Open clocks now, optionally of one kind and status (at risk, breached...).</summary>
    OpenClocks = 2,
    /// <summary>Open complaints, optionally at one stage or of one age band.</summary>
    OpenComplaints = 3,
    /// <summary>Corrective actions past their deadline and not verified.</summary>
    OverdueActions = 4,
}

/// <summary>
/// The records behind one dashboard number: the clocks, complaints or actions it counts, with the
/// client and case they belong to. Uses the same filters as the figures, so the list's total equals
/// the number that was clicked. Names clients, so the read is audited.
/// </summary>
[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record GetDashboardDetails(
    DashboardScope Scope,
    DashboardWindow Window,
    DashboardDetail Detail,
    string? Commitment = null,
    int? Touchpoint = null,
    ClockKind? ClockKind = null,
    bool? Met = null,
    ClockStatus? Status = null,
    ComplaintStage? Stage = null,
    ComplaintAgeBand? Age = null,
    int Skip = 0,
    int Take = 25,
    ResponseBand? Took = null) : IQuery<Page<DashboardDetailRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

/// <summary>One record behind a figure. <see cref="ClientId"/> is empty for anonymous complaints.</summary>
public sealed record DashboardDetailRow(
    Guid Id,
    DashboardDetail Detail,
    ClockKind? ClockKind,
    string What,
    Guid ClientId,
    string? ClientName,
    Guid? CaseId,
    string? CaseNumber,
    Guid? ComplaintId,
    string? ComplaintNumber,
    DateTime StartedAtUtc,
    DateTime? DueAtUtc,
    DateTime? FinishedAtUtc,
    double? ActualMinutes,
    int? TargetMinutes,
    string Status,
    string? OwnerName) : IHasClientId;

public sealed class GetDashboardDetailsValidator : AbstractValidator<GetDashboardDetails>
{
    public GetDashboardDetailsValidator()
    {
        RuleFor(q => q.Scope).NotNull();
        RuleFor(q => q.Window).IsInEnum();
        RuleFor(q => q.Detail).IsInEnum();
        RuleFor(q => q.Commitment).MaximumLength(10);
        RuleFor(q => q.Touchpoint).InclusiveBetween(1, 10).When(q => q.Touchpoint is not null);
        RuleFor(q => q.ClockKind).IsInEnum().When(q => q.ClockKind is not null);
        RuleFor(q => q.Status).IsInEnum().When(q => q.Status is not null);
        RuleFor(q => q.Stage).IsInEnum().When(q => q.Stage is not null);
        RuleFor(q => q.Age).IsInEnum().When(q => q.Age is not null);
        RuleFor(q => q.Took).IsInEnum().When(q => q.Took is not null);
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Take).InclusiveBetween(1, ListWindow.MaxTake);
        RuleFor(r => r.Commitment).SingleLine();
        RuleFor(q => q.Scope.OwnerUserId).SingleLine().When(q => q.Scope is not null);
    }
}

internal sealed class GetDashboardDetailsHandler(CaseDeskDb db, DashboardTallies tallies, TimeProvider clock)
    : IRequestHandler<GetDashboardDetails, Page<DashboardDetailRow>>
{
    public async Task<Page<DashboardDetailRow>> Handle(GetDashboardDetails q, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return q.Detail switch
        {
            DashboardDetail.FinishedClocks => await ClocksAsync(FinishedClocks(q), q, now, newestFirst: true, ct),
            DashboardDetail.OpenClocks => await OpenClocksAsync(q, now, ct),
            DashboardDetail.OpenComplaints => await ComplaintsAsync(q, now, ct),
            _ => await ActionsAsync(q, now, ct),
        };
    }

    private IQueryable<ResponseClock> FinishedClocks(GetDashboardDetails q)
    {
        var from = DashboardFigureBuilder.WindowStartUtc(tallies.Today(), q.Window);
        var clocks = db.ResponseClocks.AsNoTracking()
            .Where(c => c.StoppedAtUtc >= from && (c.State == ClockState.Met || c.State == ClockState.Missed));
        if (q.Scope.OwnerUserId is { } owner) clocks = clocks.Where(c => c.OwnerUserId == owner);
        if (q.Scope.UnitId is { } unit) clocks = clocks.Where(c => c.UnitId == unit);
        if (q.Commitment is { } commitment) clocks = clocks.Where(c => c.Commitment == commitment);
        if (q.Touchpoint is { } touchpoint) clocks = clocks.Where(c => c.Touchpoint == touchpoint);
        if (q.ClockKind is { } kind) clocks = clocks.Where(c => c.Kind == kind);
        if (q.Met is { } met) clocks = clocks.Where(c => (c.State == ClockState.Met) == met);
        if (q.Took is { } band) clocks = ResponseBands.Within(clocks, band);
        return clocks;
    }

    private async Task<Page<DashboardDetailRow>> OpenClocksAsync(GetDashboardDetails q, DateTime now, CancellationToken ct)
    {
        var clocks = DashboardFigureBuilder.OpenClocks(db, q.Scope);
        if (q.ClockKind is { } kind) clocks = clocks.Where(c => c.Kind == kind);
        clocks = q.Status switch
        {
            ClockStatus.Paused => clocks.Where(c => c.State == ClockState.Paused),
            ClockStatus.Breached => clocks.Where(c => c.State == ClockState.Running && c.DueAtUtc < now),
            ClockStatus.AtRisk => clocks.Where(c => c.State == ClockState.Running && c.DueAtUtc >= now && c.AtRiskAtUtc <= now),
            ClockStatus.OnTrack => clocks.Where(c => c.State == ClockState.Running && c.AtRiskAtUtc > now),
            _ => clocks,
        };
        return await ClocksAsync(clocks, q, now, newestFirst: false, ct);
    }

    private async Task<Page<DashboardDetailRow>> ClocksAsync(IQueryable<ResponseClock> clocks, GetDashboardDetails q, DateTime now, bool newestFirst,
        CancellationToken ct)
    {
        var total = await clocks.CountAsync(ct);
        var ordered = newestFirst ? clocks.OrderByDescending(c => c.StoppedAtUtc) : clocks.OrderBy(c => c.DueAtUtc);
        var rows = await ordered.Skip(q.Skip).Take(q.Take)
            .Select(c => new
            {
                Clock = c,
                Client = db.Clients.Where(x => x.Id == c.ClientId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(),
                CaseNumber = db.Cases.Where(x => x.Id == c.CaseId).Select(x => x.Number).FirstOrDefault(),
                Complaint = c.SubjectKind == "Complaint" ? db.Complaints.Where(x => x.Id == c.SubjectId).Select(x => x.Number).FirstOrDefault() : null,
                Owner = db.Users.Where(u => u.Id == c.OwnerUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new Page<DashboardDetailRow>(rows.Select(r => new DashboardDetailRow(r.Clock.Id, q.Detail, r.Clock.Kind, r.Clock.Kind.ToString(),
            r.Clock.ClientId ?? Guid.Empty, r.Client, r.Clock.CaseId, r.CaseNumber,
            r.Complaint is null ? null : r.Clock.SubjectId, r.Complaint, r.Clock.StartedAtUtc, r.Clock.DueAtUtc, r.Clock.StoppedAtUtc,
            r.Clock.ActualMinutes, r.Clock.TargetMinutes, r.Clock.StatusAt(now).ToString(), r.Owner)).ToList(), total);
    }

    private async Task<Page<DashboardDetailRow>> ComplaintsAsync(GetDashboardDetails q, DateTime now, CancellationToken ct)
    {
        var complaints = DashboardFigureBuilder.OpenComplaints(db, q.Scope);
        if (q.Stage is { } stage) complaints = complaints.Where(c => c.Stage == stage);
        if (q.Age is { } band)
        {
            // The same bands as DashboardFigureBuilder.AgeBand: up to 7 days, up to 28, older.
            var weekAgo = now.AddDays(-7);
            var fourWeeksAgo = now.AddDays(-28);
            complaints = band switch
            {
                ComplaintAgeBand.UpToAWeek => complaints.Where(c => c.RegisteredAtUtc >= weekAgo),
                ComplaintAgeBand.UpToFourWeeks => complaints.Where(c => c.RegisteredAtUtc < weekAgo && c.RegisteredAtUtc >= fourWeeksAgo),
                _ => complaints.Where(c => c.RegisteredAtUtc < fourWeeksAgo),
            };
        }
        var total = await complaints.CountAsync(ct);
        var rows = await complaints.OrderBy(c => c.RegisteredAtUtc).Skip(q.Skip).Take(q.Take)
            .Select(c => new
            {
                c.Id, c.Number, c.Stage, c.RegisteredAtUtc, c.ClientId, c.CaseId, c.ContactName,
                Client = db.Clients.Where(x => x.Id == c.ClientId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(),
                CaseNumber = db.Cases.Where(x => x.Id == c.CaseId).Select(x => x.Number).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new Page<DashboardDetailRow>(rows.Select(r => new DashboardDetailRow(r.Id, q.Detail, null, r.Stage.ToString(),
            r.ClientId ?? Guid.Empty, r.Client ?? r.ContactName, r.CaseId, r.CaseNumber, r.Id, r.Number, r.RegisteredAtUtc, null, null,
            (now - r.RegisteredAtUtc).TotalMinutes, null, DashboardFigureBuilder.AgeBand(r.RegisteredAtUtc, now).ToString(), null)).ToList(), total);
    }

    private async Task<Page<DashboardDetailRow>> ActionsAsync(GetDashboardDetails q, DateTime now, CancellationToken ct)
    {
        var actions = DashboardFigureBuilder.OverdueActions(db, q.Scope, now);
        var total = await actions.CountAsync(ct);
        var rows = await actions.OrderBy(a => a.DeadlineUtc).Skip(q.Skip).Take(q.Take)
            .Select(a => new
            {
                Action = a,
                Complaint = db.Complaints.Where(c => c.Id == a.ComplaintId).Select(c => new { c.Number, c.ClientId, c.CaseId }).First(),
                Owner = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new Page<DashboardDetailRow>(rows.Select(r => new DashboardDetailRow(r.Action.Id, q.Detail, null, r.Action.Description,
            r.Complaint.ClientId ?? Guid.Empty, null, r.Complaint.CaseId, null, r.Action.ComplaintId, r.Complaint.Number, r.Action.CreatedAtUtc,
            r.Action.DeadlineUtc, null, null, null, "Overdue", r.Owner)).ToList(), total);
    }
}

using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Complaints;

/// <summary>
/// The desk's "waiting on whom" (12.2), by name: for complaints routed to units, the units and their heads;
/// for complaints with corrective actions under way, the owners of the actions not yet verified done.
/// </summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record GetDeskWaitingOn : IQuery<IReadOnlyDictionary<Guid, DeskWaitingOn>>;

/// <summary>Who a complaint waits on, as people and units read them ("Social services division (Vida Stankevičienė)").</summary>
public sealed record DeskWaitingOn(IReadOnlyList<string> Names);

internal sealed class GetDeskWaitingOnHandler(CaseDeskDb db) : IRequestHandler<GetDeskWaitingOn, IReadOnlyDictionary<Guid, DeskWaitingOn>>
{
    public async Task<IReadOnlyDictionary<Guid, DeskWaitingOn>> Handle(GetDeskWaitingOn request, CancellationToken ct)
    {
        var atHeads = await db.Complaints.AsNoTracking()
            .Where(c => c.Kind == FeedbackKind.Complaint && (c.Stage == ComplaintStage.Routed || c.Stage == ComplaintStage.RootCauseFound))
            .Select(c => new { c.Id, Units = c.Tags.Where(t => t.Kind == TagKind.Unit).Select(t => t.Value).ToList() })
            .ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.NameLt, u.NameEn }).ToListAsync(ct);
        var heads = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Head), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.UnitId, Name = u.FirstName + " " + u.LastName }).ToListAsync(ct);

        var waiting = new Dictionary<Guid, DeskWaitingOn>();
        foreach (var c in atHeads)
        {
            var names = c.Units.Select(value => Guid.TryParse(value, out var id) ? units.FirstOrDefault(u => u.Id == id) : null)
                .Where(u => u is not null)
                .Select(u =>
                {
                    var unitHeads = heads.Where(h => h.UnitId == u!.Id).Select(h => h.Name).ToList();
                    var name = ComplaintQueries.Localized(u!.NameLt, u.NameEn);
                    return unitHeads.Count == 0 ? name : $"{name} ({string.Join(", ", unitHeads)})";
                })
                .ToList();
            if (names.Count > 0)
                waiting[c.Id] = new DeskWaitingOn(names);
        }

        var owners = await db.CorrectiveActions.AsNoTracking()
            .Where(a => a.WithdrawnAtUtc == null && (a.VerifiedAtUtc == null || a.Result == VerificationResult.NotDone))
            .Join(db.Complaints.Where(c => c.Kind == FeedbackKind.Complaint && c.Stage == ComplaintStage.ActionsPlanned), a => a.ComplaintId, c => c.Id,
                (a, c) => new { c.Id, a.OwnerUserId })
            .Join(db.Users, x => x.OwnerUserId, u => u.Id, (x, u) => new { x.Id, Name = u.FirstName + " " + u.LastName })
            .ToListAsync(ct);
        foreach (var complaint in owners.GroupBy(o => o.Id))
            waiting[complaint.Key] = new DeskWaitingOn(complaint.Select(o => o.Name).Distinct().Order().ToList());
        return waiting;
    }
}

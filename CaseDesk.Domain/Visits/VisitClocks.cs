using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Visits;

internal static class VisitClocks
{
    /// <summary>Punctuality (VIII, touchpoint 7): from the agreed start, the specialist has the target's minutes to arrive.</summary>
    public static async Task StartArrivalAsync(CaseDeskDb db, ClockBook clocks, HomeVisit visit, CancellationToken ct)
    {
        var unit = await db.Users.Where(u => u.Id == visit.CaseworkerUserId).Select(u => u.UnitId).SingleOrDefaultAsync(ct);
        await clocks.StartAsync(ClockKind.VisitArrival, nameof(HomeVisit), visit.Id, visit.CaseworkerUserId, unit,
            visit.ClientId, visit.CaseId, visit.AgreedStartUtc!.Value, ct);
    }
}

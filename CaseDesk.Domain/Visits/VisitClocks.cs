using CaseDesk.Domain.Clocks;

namespace CaseDesk.Domain.Visits;

internal static class VisitClocks
{
    /// <summary>Punctuality (VIII, touchpoint 7): from the agreed start, the specialist has the target's minutes to arrive.</summary>
    public static Task StartArrivalAsync(ClockBook clocks, HomeVisit visit, CancellationToken ct) =>
        clocks.StartAsync(ClockKind.VisitArrival, nameof(HomeVisit), visit.Id, visit.CaseworkerUserId,
            visit.ClientId, visit.CaseId, visit.AgreedStartUtc!.Value, ct);
}

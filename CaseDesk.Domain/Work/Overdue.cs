using System.Linq.Expressions;
using CaseDesk.Domain.Complaints;

namespace CaseDesk.Domain.Work;

/// <summary>
/// What "overdue" means, once, for "My work" and the dashboard alike (docs/dashboard.md, "Overdue means the same everywhere").
/// An open commitment clock is overdue (breached) once its due time has passed (<see cref="Clocks.ResponseClock.StatusOfRunning"/>);
/// a corrective or improvement action is its owner's open work until withdrawn, reported done or verified done, and overdue after its deadline.
/// </summary>
public static class Overdue
{
    /// <summary>
    /// An action still waiting for its owner: not withdrawn, neither reported done nor verified done. One reported done waits
    /// for the officer instead; a withdrawn one is nobody's work.
    /// </summary>
    public static readonly Expression<Func<CorrectiveAction, bool>> ActionOpenForOwner =
        a => a.WithdrawnAtUtc == null && a.ReportedDoneAtUtc == null && (a.Result == null || a.Result != VerificationResult.Done);
}

using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Clocks;

/// <summary>
/// Starts, stops and moves clocks from inside the handlers whose events start and stop them, in the
/// same transaction (so a contact and the clock it stops commit together). Reads the calendar and
/// the target in force once per request.
/// </summary>
public sealed class ClockBook(CaseDeskDb db)
{
    private WorkingCalendar? calendar;

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct) => calendar ??= await LoadCalendarAsync(db, ct);

    public static async Task<WorkingCalendar> LoadCalendarAsync(CaseDeskDb db, CancellationToken ct)
    {
        var days = await db.OfficeDays.AsNoTracking().ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking().Select(c => c.Date).ToListAsync(ct);
        return new WorkingCalendar(days.Count == 0 ? WorkingCalendar.DefaultHours : days.Select(d => new OfficeHours(d.Day, d.Opens, d.Closes)), closures);
    }

    /// <summary>The target version in force at an instant: the latest whose effective date is not after it.</summary>
    public async Task<CommitmentTarget> TargetAtAsync(ClockKind kind, DateTime atUtc, CancellationToken ct) =>
        await db.CommitmentTargets.AsNoTracking()
            .Where(t => t.Kind == kind && t.EffectiveFromUtc <= atUtc)
            .OrderByDescending(t => t.EffectiveFromUtc).ThenByDescending(t => t.SetAtUtc)
            .FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException($"No target for {kind} is in force; the database was not initialised.");

    /// <summary>Starts a clock for an owner (null: no one yet); the clock's unit is the owner's, so breaches reach that unit's heads.</summary>
    public async Task<ResponseClock> StartAsync(ClockKind kind, string subjectKind, Guid subjectId, string? owner,
        Guid? clientId, Guid? caseId, DateTime startedAtUtc, CancellationToken ct, DateTime? deadlineUtc = null, int? touchpoint = null)
    {
        var clock = new ResponseClock(Guid.CreateVersion7(), kind, subjectKind, subjectId, owner, await UnitOfAsync(owner, ct), clientId, caseId, startedAtUtc,
            await TargetAtAsync(kind, startedAtUtc, ct), await CalendarAsync(ct), deadlineUtc, touchpoint);
        db.ResponseClocks.Add(clock);
        return clock;
    }

    /// <summary>Stops the open clock of this kind on the subject, if there is one (a subject made before clocks existed has none).</summary>
    public async Task<ResponseClock?> StopAsync(ClockKind kind, Guid subjectId, DateTime atUtc, CancellationToken ct)
    {
        var clock = await OpenAsync(kind, subjectId, ct);
        clock?.Stop(atUtc, await CalendarAsync(ct));
        return clock;
    }

    public async Task CancelAsync(ClockKind kind, Guid subjectId, DateTime atUtc, CancellationToken ct) =>
        (await OpenAsync(kind, subjectId, ct))?.Cancel(atUtc);

    public async Task ReassignAsync(ClockKind kind, Guid subjectId, string owner, CancellationToken ct) =>
        (await OpenAsync(kind, subjectId, ct))?.Reassign(owner, await UnitOfAsync(owner, ct));

    private async Task<Guid?> UnitOfAsync(string? userId, CancellationToken ct) =>
        userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.UnitId).SingleOrDefaultAsync(ct);

    public Task<ResponseClock?> OpenAsync(ClockKind kind, Guid subjectId, CancellationToken ct) =>
        db.ResponseClocks.Where(c => c.SubjectId == subjectId && c.Kind == kind && (c.State == ClockState.Running || c.State == ClockState.Paused))
            .SingleOrDefaultAsync(ct);
}

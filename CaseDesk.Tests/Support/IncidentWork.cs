using CaseDesk.Domain.Common;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Training;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Support;

/// <summary>Short ways to record incidents and take their copies to trainers through the real use cases.</summary>
public static class IncidentWork
{
    public static RecordIncident Incident(DateTime occurredAtUtc, string whatHappened, Guid? clientId = null, string[]? employees = null,
        string[]? otherNames = null, IncidentType type = IncidentType.AggressiveClient, int? touchpoint = 5, string[]? commitments = null,
        string? howHandled = "Kalbėjome dviese, pasiūlėme vandens.", string? outcome = "Klientas nurimo.") =>
        new(type, touchpoint, commitments ?? ["VI"], occurredAtUtc, whatHappened, howHandled, outcome, clientId, null,
            employees ?? [], otherNames ?? []);

    public static async Task<Guid> CopyIdOfAsync(this TestDatabase db, Guid incidentId) =>
        await db.ReadAsync(d => d.TrainingCopies.Where(c => c.IncidentId == incidentId).Select(c => c.Id).SingleAsync());

    /// <summary>The officer opens the review and releases the copy as it stands.</summary>
    public static async Task<Guid> ReleaseAsync(this TestDatabase db, Guid incidentId, Caller officer)
    {
        var review = await db.Send(new GetIncidentReview(incidentId), officer);
        await db.Send(new ReleaseTrainingCopy(review.Copy.Id, review.Copy.Version), officer);
        return review.Copy.Id;
    }

    public static Task<Page<LibraryRow>> LibraryAsync(this TestDatabase db, Caller trainer, LibraryFilter? filter = null, string? search = null) =>
        db.Send(new SearchTrainingLibrary(filter ?? new LibraryFilter(), new ListWindow(Take: 200, Search: search)), trainer);
}

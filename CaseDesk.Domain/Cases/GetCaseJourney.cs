using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Cases;

/// <summary>
/// The case's path across the ten touchpoints: each contact on its touchpoint, and the time
/// between the key stages first contact → information letter → home visit → service start.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetCaseJourney(Guid CaseId) : IQuery<CaseJourney>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public enum JourneyStage
{
    FirstContact = 1,
    InformationLetter = 2,
    HomeVisit = 3,
    ServiceStart = 4,
}

public sealed record JourneyContact(Guid Id, int Touchpoint, ContactChannel Channel, ContactDirection Direction, DateTime OccurredAtUtc, string Employee, string Summary);

/// <summary>A key stage: when it was reached (null if not yet) and how long after the previous reached stage.</summary>
public sealed record JourneyStageRow(JourneyStage Stage, DateTime? ReachedAtUtc, TimeSpan? SincePrevious);

public sealed record CaseJourney(Guid CaseId, Guid ClientId, string Number, IReadOnlyList<JourneyContact> Contacts, IReadOnlyList<JourneyStageRow> Stages) : IHasClientId;

internal sealed class GetCaseJourneyHandler(CaseDeskDb db) : IRequestHandler<GetCaseJourney, CaseJourney>
{
    public async Task<CaseJourney> Handle(GetCaseJourney request, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == request.CaseId)
            .Select(x => new { x.Id, x.ClientId, x.Number, x.OpenedAtUtc, x.ServiceStartedAtUtc })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Case", request.CaseId);

        var contacts = await db.Contacts.AsNoTracking().Where(k => k.CaseId == c.Id).OrderBy(k => k.OccurredAtUtc)
            .Select(k => new JourneyContact(k.Id, k.Touchpoint, k.Channel, k.Direction, k.OccurredAtUtc,
                db.Users.Where(u => u.Id == k.EmployeeUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? "", k.Summary))
            .ToListAsync(ct);

        var firstContact = contacts.Count > 0 && contacts[0].OccurredAtUtc < c.OpenedAtUtc ? contacts[0].OccurredAtUtc : c.OpenedAtUtc;
        var firstLetter = await db.InformationLetters.AsNoTracking().Where(l => l.CaseId == c.Id && l.SentAtUtc != null)
            .OrderBy(l => l.SentAtUtc).Select(l => l.SentAtUtc).FirstOrDefaultAsync(ct);
        var firstVisit = await db.HomeVisits.AsNoTracking().Where(v => v.CaseId == c.Id && v.ArrivedAtUtc != null)
            .OrderBy(v => v.ArrivedAtUtc).Select(v => v.ArrivedAtUtc).FirstOrDefaultAsync(ct);

        var stages = new List<JourneyStageRow>();
        DateTime? previous = null;
        foreach (var (stage, at) in new[]
                 {
                     (JourneyStage.FirstContact, (DateTime?)firstContact), (JourneyStage.InformationLetter, firstLetter),
                     (JourneyStage.HomeVisit, firstVisit), (JourneyStage.ServiceStart, c.ServiceStartedAtUtc),
                 })
        {
            stages.Add(new JourneyStageRow(stage, at, at is not null && previous is not null ? at - previous : null));
            previous = at ?? previous;
        }

        return new CaseJourney(c.Id, c.ClientId, c.Number, contacts, stages);
    }
}

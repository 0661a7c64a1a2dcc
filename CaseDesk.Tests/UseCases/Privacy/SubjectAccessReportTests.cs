using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Privacy;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Privacy;

public sealed class SubjectAccessReportTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private PrivacyStaff staff = default!;
    private ClientLife alfa = default!;
    private ClientLife beta = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        staff = await ClientLife.StaffAsync(database);
        alfa = await ClientLife.SeedAsync(database, staff, "Alfakodas", "Liudvikas", "Žvirgždauskas", "3850615123", "+370 611 22334");
        beta = await ClientLife.SeedAsync(database, staff, "Betakodas", "Teodoras", "Pakalniškis", "4920304456", "+370 699 88776");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>An incident about the client (with an employee and a third party named on it) and a refused erasure request.</summary>
    private async Task<(Guid Incident, Guid Erasure)> IncidentAndErasureAsync(ClientLife life)
    {
        var incident = await database.Send(IncidentWork.Incident(database.Clock.UtcDateTime.AddHours(-1),
            $"{life.FirstName} {life.LastName} šaukė registratūroje ({life.Marker}).", life.ClientId, [staff.Caseworker.UserId],
            ["Kaimynas Jurgis"], outcome: $"Nurimo {life.Marker}"), staff.Caseworker);
        var erasure = await database.Send(new RequestErasure(life.ClientId, ErasureGround.ClientRequest, $"Klientas prašo ištrinti {life.Marker}"), staff.Caseworker);
        var version = await database.ReadAsync(db => db.ErasureRequests.Where(r => r.Id == erasure).Select(r => r.Version).SingleAsync());
        await database.Send(new RefuseErasure(erasure, version, $"Nes byla dar atvira {life.Marker}"), staff.Head);
        return (incident, erasure);
    }

    [Fact]
    public async Task The_report_holds_everything_linked_to_the_client_and_nothing_of_another_client()
    {
        var (alfaIncident, alfaErasure) = await IncidentAndErasureAsync(alfa);
        var (betaIncident, betaErasure) = await IncidentAndErasureAsync(beta);

        var report = await database.Send(new GetSubjectAccessReport(alfa.ClientId), staff.Head);

        var p = report.PersonalData;
        Assert.Equal((alfa.FirstName, alfa.LastName, alfa.PersonalCode, alfa.Phone, alfa.Email, alfa.Address),
            (p.FirstName, p.LastName, p.PersonalCode, p.Phone, p.Email, p.Address));
        Assert.Equal(new DateOnly(1985, 6, 15), p.BirthDate);
        Assert.Equal(ClientLanguage.Russian, p.Language);
        Assert.Contains(alfa.Marker, p.LanguageNote);
        Assert.Contains(alfa.Marker, p.AccessibilityNeeds);
        Assert.True(p.MeetWithTwoEmployees);
        Assert.Contains(alfa.Marker, p.SafetyNote);
        Assert.Equal([new HouseholdMemberInput(alfa.HouseholdName, "Dukra", 1990)], p.Household);
        Assert.Equal(["Senyvo amžiaus asmenys (vieniši, neįgalūs)"], p.Groups);

        Assert.Equal(alfa.CaseIds.Order(), report.Cases.Select(c => c.Id).Order());
        Assert.All(report.Cases, c => Assert.NotEmpty(c.History));
        Assert.Equal(alfa.ContactIds.Order(), report.Contacts.Select(c => c.Id).Order());
        Assert.Contains(report.Contacts, c => c.Discussed == "Aptarta" && c.Decided == "Nuspręsta" && c.NextStep == "Kitas žingsnis" && c.NextMeetingAtUtc != null);
        Assert.All(report.Contacts, c => Assert.False(string.IsNullOrEmpty(c.TouchpointName)));
        Assert.Equal(alfa.PromiseIds.Order(), report.Promises.Select(x => x.Id).Order());
        Assert.Equal(alfa.PhoneMessageIds.Order(), report.PhoneMessages.Select(x => x.Id).Order());
        Assert.Contains(report.PhoneMessages, m => m.CalledBackAtUtc != null);
        Assert.Equal(alfa.EmailIds.Order(), report.Emails.Select(x => x.Id).Order());
        Assert.Contains(report.Emails, e => e.ReplyBody != null && e.ReplyBody.Contains(alfa.Marker));
        Assert.Equal(alfa.LetterIds.Order(), report.Letters.Select(x => x.Id).Order());
        Assert.All(report.Letters, l => Assert.Contains(alfa.LastName, l.Body));
        Assert.Equal(alfa.VisitIds.Order(), report.Visits.Select(x => x.Id).Order());
        Assert.Contains(report.Visits, v => v.Reschedules.Count == 1 && v.CancelReason != null);
        Assert.Equal(alfa.ComplaintIds.Order(), report.ComplaintsAndSuggestions.Select(x => x.Id).Order());
        var complaint = report.ComplaintsAndSuggestions.Single(c => c.Kind == FeedbackKind.Complaint);
        Assert.Equal(ComplaintStage.Closed, complaint.Stage);
        Assert.NotNull(complaint.Outcome);
        Assert.NotNull(complaint.RootCause);
        Assert.NotEmpty(complaint.Actions);
        Assert.True(complaint.Steps.Count >= 10);
        Assert.Superset(new HashSet<ClockKind> { ClockKind.CallBack, ClockKind.EmailReply, ClockKind.InformationLetter, ClockKind.VisitAgreed,
            ClockKind.VisitArrival, ClockKind.ComplaintAcknowledged, ClockKind.ComplaintResolved }, report.Clocks.Select(c => c.Kind).ToHashSet());
        var incident = Assert.Single(report.Incidents);
        Assert.Equal(alfaIncident, incident.Id);
        Assert.Contains(alfa.LastName, incident.WhatHappened);
        Assert.Contains(alfa.Marker, incident.Outcome);
        Assert.Contains(incident.People, p => p.Role == PersonRole.Client && p.Name == $"{alfa.FirstName} {alfa.LastName}");
        Assert.Contains(incident.People, p => p.Role == PersonRole.HouseholdMember && p.Name == alfa.HouseholdName);
        Assert.Contains(incident.People, p => p.Role == PersonRole.Employee);
        Assert.DoesNotContain(incident.People, p => p.Name == "Kaimynas Jurgis"); // a third party's name stays out
        var erasure = Assert.Single(report.ErasureRequests);
        Assert.Equal((alfaErasure, ErasureStatus.Refused, ErasureGround.ClientRequest), (erasure.Id, erasure.Status, erasure.Ground));
        Assert.Contains(alfa.Marker, erasure.Reason);
        Assert.Contains(alfa.Marker, erasure.RefusalBecause);
        Assert.False(string.IsNullOrEmpty(erasure.DecidedBy));
        Assert.Contains(report.AccessLog, a => a.Action == nameof(RevealPersonalCode) && a.Reason == "Pažymai" && a.UserName == "asta");
        Assert.Contains(report.AccessLog, a => a.Action == nameof(GetClient) && a.Kind == AuditKind.Read && a.UserName == "vadove");

        // Nothing of the other client: not one of their ids, names, contact details or texts.
        var json = System.Text.Encoding.UTF8.GetString(SubjectAccessJson.Serialize(report));
        Assert.All(alfa.PersonalStrings, s => Assert.Contains(s, json));
        var betaIds = beta.CaseIds.Concat(beta.ContactIds).Concat(beta.PromiseIds).Concat(beta.PhoneMessageIds).Concat(beta.EmailIds)
            .Concat(beta.LetterIds).Concat(beta.VisitIds).Concat(beta.ComplaintIds).Append(beta.ClientId).Append(betaIncident).Append(betaErasure);
        Assert.All(betaIds, id => Assert.DoesNotContain(id.ToString(), json, StringComparison.OrdinalIgnoreCase));
        Assert.All(beta.StoredStrings, s => Assert.DoesNotContain(s, json, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_report_is_an_audited_read_of_the_client_with_its_reason()
    {
        await database.Send(new GetSubjectAccessReport(beta.ClientId), staff.Officer);

        var entry = (await database.AuditEntriesAsync()).Last();
        Assert.Equal((nameof(GetSubjectAccessReport), AuditKind.Read, "Client", beta.ClientId.ToString(), GetSubjectAccessReport.Reason, staff.Officer.UserId),
            (entry.Action, entry.Kind, entry.EntityType, entry.EntityId, entry.Reason, entry.UserId));
    }

    [Theory]
    [InlineData(Roles.Reception)]
    [InlineData(Roles.Trainer)]
    public async Task Roles_outside_casework_and_oversight_may_not_get_the_report(string role)
    {
        var caller = await database.CreateCallerAsync(role);
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetSubjectAccessReport(alfa.ClientId), caller));
    }

    [Fact]
    public async Task An_unknown_client_has_no_report()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => database.Send(new GetSubjectAccessReport(Guid.NewGuid()), staff.Admin));
    }
}

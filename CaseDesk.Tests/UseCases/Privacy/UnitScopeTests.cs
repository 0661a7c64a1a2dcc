using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>Caseworkers see the clients of their unit; a client of another unit opens only with a stated reason, and the read is flagged.</summary>
public sealed class UnitScopeTests : IAsyncLifetime
{
    private static readonly Guid CashSupport = StandardReferenceData.Units[2].Id;
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller social = default!;   // caseworker of the social services division
    private Caller cash = default!;     // caseworker of the cash support division
    private Guid client;
    private Guid caseId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
        social = await database.CreateCallerAsync(Roles.Caseworker);
        cash = await database.CreateCallerAsync(Roles.Caseworker);
        await database.PlaceInUnitAsync(social, Casework.SocialServices);
        await database.PlaceInUnitAsync(cash, CashSupport);
        client = await database.RegisterAsync(reception, "Ona", "Jankauskienė");
        caseId = await database.OpenCaseAsync(reception, client); // a social services case, not yet assigned
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_caseworker_of_the_cases_unit_opens_the_client_and_the_case_without_a_reason_and_the_reads_are_not_flagged()
    {
        Assert.Equal("Ona Jankauskienė", (await database.Send(new GetClient(client), social)).FullName);
        Assert.Equal(client, (await database.Send(new GetCase(caseId), social)).ClientId);

        var reads = (await database.AuditEntriesAsync()).Where(a => a.Kind == AuditKind.Read).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.False(r.OutsideUnit));
    }

    [Fact]
    public async Task A_caseworker_of_another_unit_is_refused_without_a_reason_because_the_cases_belong_to_another_unit()
    {
        using var _ = UiCulture.Use("en");

        var card = await Assert.ThrowsAsync<AccessReasonRequiredException>(() => database.Send(new GetClient(client), cash));
        var casePage = await Assert.ThrowsAsync<AccessReasonRequiredException>(() => database.Send(new GetCase(caseId, "  "), cash));

        Assert.Contains("because the client's cases belong to another unit; state a reason", card.Because);
        Assert.Equal(card.Because, casePage.Because);
        var audit = await database.AuditEntriesAsync();
        Assert.DoesNotContain(audit, a => a.Kind == AuditKind.Read);
        var refused = audit.Where(a => a.Kind == AuditKind.Refused).ToList();
        Assert.Equal([nameof(GetClient), nameof(GetCase)], refused.Select(a => a.Action));
        Assert.All(refused, a => Assert.True(a.OutsideUnit));
        Assert.All(refused, a => Assert.Equal(cash.UserId, a.UserId));
    }

    [Fact]
    public async Task With_a_stated_reason_the_read_succeeds_and_its_audit_row_is_flagged_with_the_reason()
    {
        var details = await database.Send(new GetClient(client, "Klientė kreipėsi dėl piniginės paramos"), cash);
        var caseDetails = await database.Send(new GetCase(caseId, "Tikrinu, ar nėra dubliuojančio prašymo"), cash);

        Assert.Equal(client, details.Id);
        Assert.Equal(client, caseDetails.ClientId);
        var reads = (await database.AuditEntriesAsync()).Where(a => a.Kind == AuditKind.Read).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.True(r.OutsideUnit));
        Assert.Equal(["Klientė kreipėsi dėl piniginės paramos", "Tikrinu, ar nėra dubliuojančio prašymo"], reads.Select(r => r.Reason));
        Assert.Equal(client.ToString(), reads[0].EntityId);
        Assert.Contains(client.ToString(), reads[1].Fields);
    }

    [Fact]
    public async Task The_subject_access_report_is_refused_to_a_caseworker_of_another_unit_without_a_reason()
    {
        using var _ = UiCulture.Use("en");

        var refusal = await Assert.ThrowsAsync<AccessReasonRequiredException>(() => database.Send(new GetSubjectAccessReport(client), cash));
        await Assert.ThrowsAsync<AccessReasonRequiredException>(() => database.Send(new GetSubjectAccessReport(client, " "), cash));

        Assert.Contains("because the client's cases belong to another unit; state a reason", refusal.Because);
        var audit = await database.AuditEntriesAsync();
        Assert.DoesNotContain(audit, a => a.Kind == AuditKind.Read);
        var refused = audit.Where(a => a.Kind == AuditKind.Refused).ToList();
        Assert.Equal([nameof(GetSubjectAccessReport), nameof(GetSubjectAccessReport)], refused.Select(a => a.Action));
        Assert.All(refused, a => Assert.Equal((true, cash.UserId, client.ToString()), (a.OutsideUnit, a.UserId, a.EntityId)));
    }

    [Fact]
    public async Task With_a_stated_reason_the_subject_access_report_is_made_and_its_read_is_flagged_with_purpose_and_reason()
    {
        var report = await database.Send(new GetSubjectAccessReport(client, "Klientė prašė išrašo per piniginės paramos skyrių"), cash);

        Assert.Equal(("Ona", "Jankauskienė"), (report.PersonalData.FirstName, report.PersonalData.LastName));
        var read = Assert.Single(await database.AuditEntriesAsync(), a => a.Kind == AuditKind.Read);
        Assert.Equal((nameof(GetSubjectAccessReport), client.ToString(), true, cash.UserId),
            (read.Action, read.EntityId, read.OutsideUnit, read.UserId));
        Assert.Equal($"{GetSubjectAccessReport.Reason}; Klientė prašė išrašo per piniginės paramos skyrių", read.Reason);
    }

    [Fact]
    public async Task A_caseworker_of_the_cases_unit_gets_the_subject_access_report_without_a_reason_and_unflagged()
    {
        var report = await database.Send(new GetSubjectAccessReport(client), social);

        Assert.Equal([caseId], report.Cases.Select(c => c.Id));
        var read = Assert.Single(await database.AuditEntriesAsync(), a => a.Kind == AuditKind.Read);
        Assert.Equal((nameof(GetSubjectAccessReport), false, GetSubjectAccessReport.Reason), (read.Action, read.OutsideUnit, read.Reason));
    }

    [Fact]
    public async Task A_case_assigned_to_the_caseworker_counts_as_theirs_even_in_another_unit_and_a_client_without_cases_is_open_to_all()
    {
        var seen = await database.Send(new GetCase(caseId), reception);
        await database.Send(new AssignCase(caseId, seen.Version, cash.UserId, null), reception);
        var newcomer = await database.RegisterAsync(reception, "Petras", "Naujokas");

        await database.Send(new GetClient(client), cash);
        await database.Send(new GetClient(newcomer), social);

        Assert.DoesNotContain(await database.AuditEntriesAsync(), a => a.OutsideUnit);
    }

    [Fact]
    public async Task Reception_the_head_and_the_standard_officer_are_not_held_to_a_unit_and_search_finds_every_client()
    {
        var head = await database.CreateCallerAsync(Roles.Head);
        var officer = await database.CreateCallerAsync(Roles.QualityOfficer);
        var caseworkerAndHead = await database.CreateCallerAsync(Roles.Caseworker, Roles.Head);
        await database.PlaceInUnitAsync(head, CashSupport);
        await database.PlaceInUnitAsync(caseworkerAndHead, CashSupport);

        foreach (var caller in new[] { reception, head, officer, caseworkerAndHead })
            await database.Send(new GetClient(client), caller);
        var found = await database.Send(new FindClients(new ListWindow(Search: "Jankausk")), cash);

        Assert.Equal([client], found.Items.Select(r => r.ClientId));
        Assert.DoesNotContain(await database.AuditEntriesAsync(), a => a.OutsideUnit);
        Assert.False(UnitScope.AppliesTo(caseworkerAndHead));
        Assert.True(UnitScope.AppliesTo(cash));
    }

    [Fact]
    public async Task The_audit_list_shows_only_flagged_rows_when_asked()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);
        await database.Send(new GetClient(client), social);
        await database.Send(new GetClient(client, "Skambino klientė"), cash);

        var flagged = await database.Send(new ListAuditEntries(new ListWindow(), new AuditFilter(FlaggedOnly: true)), admin);
        var all = await database.Send(new ListAuditEntries(new ListWindow(), AuditFilter.None), admin);

        var row = Assert.Single(flagged.Items);
        Assert.Equal(("Skambino klientė", true), (row.Reason, row.OutsideUnit));
        // registration, case opened, the read in the unit, the flagged read, and the first list read itself (audited too)
        Assert.Equal(5, all.Total);
        Assert.Equal((nameof(ListAuditEntries), AuditKind.Read, admin.UserName), (all.Items[0].Action, all.Items[0].Kind, all.Items[0].Person.Login));

    }
}

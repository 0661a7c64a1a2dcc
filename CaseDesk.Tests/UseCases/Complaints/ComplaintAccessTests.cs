using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;
using MediatR;

namespace CaseDesk.Tests.UseCases.Complaints;

/// <summary>Who may do what with complaints, and that reading a client's complaint is an audited personal-data read.</summary>
public sealed class ComplaintAccessTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller caseworker = default!;
    private Caller officer = default!;
    private Caller trainer = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateUserAsync("rasa", Roles.Reception);
        caseworker = await database.CreateUserAsync("asta", Roles.Caseworker);
        officer = await database.CreateUserAsync("darius", Roles.QualityOfficer);
        trainer = await database.CreateUserAsync("laura", Roles.Trainer);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_caseworker_cannot_verify_a_corrective_action_and_the_attempt_is_recorded()
    {
        var id = await database.RegisterFeedbackAsync(reception);
        var v = await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, caseworker);
        var action = (await database.GetAsync(id, officer)).Actions.Single();
        await database.Send(new ReportActionDone(action.Id), caseworker);

        await Assert.ThrowsAsync<AccessDeniedException>(
            () => database.Send(new VerifyCorrectiveAction(id, v, action.Id, VerificationResult.Done, "Padariau pati"), caseworker));
        await Assert.ThrowsAsync<AccessDeniedException>(
            () => database.Send(new ExtendCorrectiveAction(id, v, action.Id, database.Clock.UtcDateTime.AddDays(3)), caseworker));

        var c = await database.GetAsync(id, officer);
        Assert.Equal((ComplaintStage.ActionsPlanned, v, (VerificationResult?)null), (c.Stage, c.Version, c.Actions.Single().Result));
        var denied = (await database.AuditEntriesAsync()).Single(a => a.Action == nameof(VerifyCorrectiveAction));
        Assert.Equal((AuditKind.Denied, caseworker.UserId), (denied.Kind, denied.UserId));
        // The officer, with the same input, may.
        await database.Send(new VerifyCorrectiveAction(id, v, action.Id, VerificationResult.Done, "Patikrinta"), officer);
    }

    [Fact]
    public async Task A_trainer_cannot_register_open_or_list_complaints()
    {
        var id = await database.RegisterFeedbackAsync(reception);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.RegisterFeedbackAsync(trainer));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetComplaint(id), trainer));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new ListComplaints(new ComplaintFilter(), new ListWindow()), trainer));

        Assert.Equal(1, (await database.Send(new ListComplaints(new ComplaintFilter(), new ListWindow()), officer)).Total);
        Assert.Equal(3, (await database.AuditEntriesAsync()).Count(a => a.Kind == AuditKind.Denied && a.UserId == trainer.UserId));
    }

    [Fact]
    public void No_complaint_request_admits_the_trainer_and_every_one_declares_its_roles()
    {
        var requests = typeof(Complaint).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Complaint).Namespace && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .ToList();

        Assert.True(requests.Count >= 25, $"found only {requests.Count} complaint requests");
        foreach (var request in requests)
        {
            var roles = request.GetCustomAttributes(typeof(AllowedRolesAttribute), false).Cast<AllowedRolesAttribute>().SingleOrDefault();
            Assert.True(roles is not null, $"{request.Name} declares no roles");
            Assert.DoesNotContain(Roles.Trainer, roles.Roles);
        }
    }

    [Theory]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Head)]
    [InlineData(Roles.Reception)]
    public async Task Only_the_officer_closes_routes_and_keeps_the_desk(string role)
    {
        var someone = await database.CreateCallerAsync(role);
        var id = await database.RegisterFeedbackAsync(reception);
        var v = await database.TakeToAsync(id, ComplaintStage.ActionPlanTold, officer, caseworker);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new RouteComplaint(id, v, [Casework.SocialServices]), someone));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new CloseComplaint(id, v), someone));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetOfficerDesk(), someone));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new RecordFeedbackDigest(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)), someone));
    }

    [Fact]
    public async Task Heads_see_the_analysis_and_caseworkers_do_not()
    {
        var head = await database.CreateCallerAsync(Roles.Head);
        var period = (From: new DateOnly(2026, 1, 1), To: new DateOnly(2026, 3, 31));

        Assert.Equal(0, (await database.Send(new GetComplaintAnalysis(period.From, period.To), head)).Complaints);
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetComplaintAnalysis(period.From, period.To), caseworker));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new ExportComplaintAnalysisCsv(period.From, period.To), reception));
    }

    [Fact]
    public async Task Reading_a_clients_complaint_or_the_list_is_an_audited_read_of_that_client_and_anonymous_feedback_names_no_one()
    {
        var client = await database.RegisterAsync(reception);
        var linked = await database.RegisterFeedbackAsync(reception, clientId: client, contactName: null, contactDetails: null);
        var anonymous = await database.RegisterFeedbackAsync(reception, contactName: null, contactDetails: null);
        var before = (await database.AuditEntriesAsync()).Count;

        await database.Send(new GetComplaint(linked), caseworker);
        await database.Send(new GetComplaint(anonymous), caseworker);
        await database.Send(new ListComplaints(new ComplaintFilter(), new ListWindow()), caseworker);
        await database.Send(new GetOfficerDesk(), officer);

        var reads = (await database.AuditEntriesAsync()).Skip(before).ToList();
        Assert.Equal([nameof(GetComplaint), nameof(GetComplaint), nameof(ListComplaints), nameof(GetOfficerDesk)], reads.Select(r => r.Action));
        Assert.All(reads, r => Assert.Equal(AuditKind.Read, r.Kind));
        Assert.Equal($"shown 1: {client}", reads[0].Fields);
        Assert.Equal("shown 0: ", reads[1].Fields);
        Assert.Equal($"shown 1: {client}", reads[2].Fields);
        Assert.Equal($"shown 1: {client}", reads[3].Fields);
        Assert.True((await database.GetAsync(anonymous, officer)).IsAnonymous);
    }
}

using CaseDesk.Domain;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>
/// Issue 17: every request that makes someone the owner of client work (an action, a case, an e-mail to answer, a call-back, a
/// visit) refuses a role that may not see the client's data, at the owner field and saying why. A new request with an owner
/// field fails the first test until it is added here.
/// </summary>
public sealed class OwnerEligibilityTests
{
    /// <summary>Requests naming a staff member who is not made an owner of the record's text, each with why.</summary>
    private static readonly Dictionary<string, string> NotOwners = new()
    {
        [$"{nameof(NoteEmployeeCommendation)}.{nameof(NoteEmployeeCommendation.EmployeeUserId)}"] = "a commendation names the employee; only the head and the officer read it",
        [$"{nameof(RecordIncident)}.{nameof(RecordIncident.EmployeeUserIds)}"] = "the employees involved are pseudonymised in the training copy; they get no work from it",
        [$"{nameof(Domain.Users.SetStaffRoles)}.{nameof(Domain.Users.SetStaffRoles.UserId)}"] = "the administrator's change of a user's roles",
    };

    private static readonly string[] Checked =
    [
        "PlanCorrectiveAction.OwnerUserId", "AddImprovementAction.OwnerUserId", "OpenCase.AssignToUserId", "AssignCase.AssignToUserId",
        "RegisterEmail.AssignToUserId", "AssignEmail.AssignToUserId", "TakePhoneMessage.AddresseeUserId", "ForwardPhoneMessage.AddresseeUserId",
        "OfferVisit.CaseworkerUserId", "AgreeVisit.SecondEmployeeUserId",
    ];

    [Fact]
    public void Every_command_that_names_a_staff_member_is_checked_here_or_said_not_to_make_an_owner()
    {
        var named = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
            .SelectMany(t => t.GetProperties().Where(p => p.Name.EndsWith("UserId", StringComparison.Ordinal) || p.Name.EndsWith("UserIds", StringComparison.Ordinal))
                .Select(p => $"{t.Name}.{p.Name}"))
            .Order().ToList();

        Assert.Equal([.. Checked.Concat(NotOwners.Keys).Order()], named);
    }

    [Theory]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Admin)]
    public async Task Each_request_refuses_the_role_at_its_owner_field_saying_why(string role)
    {
        using var _ = UiCulture.Use("en");
        await using var database = await TestDatabase.CreateAsync();
        var staff = await ClientLife.StaffAsync(database);
        var life = await ClientLife.SeedAsync(database, staff, "SAVININKAS", "Rasa", "Kairytė", "4900101123", "+370 622 11 334");
        var walled = await database.CreateUserAsync("walled", role);
        var now = database.Clock.UtcDateTime;
        Task<Guid> VersionOf<T>(Guid id) where T : class, IVersioned =>
            database.ReadAsync(db => db.Set<T>().Where(e => EF.Property<Guid>(e, "Id") == id).Select(e => e.Version).SingleAsync());
        var suggestion = life.ComplaintIds[1];
        var caseId = life.CaseIds[1];
        var (cw, officer, reception) = (staff.Caseworker, staff.Officer, staff.Reception);

        (string Field, Func<Task> Send)[] attempts =
        [
            ("PlanCorrectiveAction.OwnerUserId", async () => await database.Send(new PlanCorrectiveAction(life.ComplaintIds[0],
                await VersionOf<Complaint>(life.ComplaintIds[0]), "Veiksmas", walled.UserId, now.AddDays(3)), officer)),
            ("AddImprovementAction.OwnerUserId", async () => await database.Send(new AddImprovementAction(suggestion,
                await VersionOf<Complaint>(suggestion), "Veiksmas", walled.UserId, now.AddDays(3)), officer)),
            ("OpenCase.AssignToUserId", async () => await database.Send(new OpenCase(life.ClientId, "Pagalba", Casework.SocialServices, walled.UserId, null), cw)),
            ("AssignCase.AssignToUserId", async () => await database.Send(new AssignCase(caseId, await VersionOf<Case>(caseId), walled.UserId, null), cw)),
            ("RegisterEmail.AssignToUserId", async () => await database.Send(new RegisterEmail(now, "a@b.lt", null, "Tema", "Tekstas", null, null, walled.UserId), reception)),
            ("AssignEmail.AssignToUserId", async () => await database.Send(new AssignEmail(life.EmailIds[1], await VersionOf<EmailEnquiry>(life.EmailIds[1]), walled.UserId), reception)),
            ("TakePhoneMessage.AddresseeUserId", async () => await database.Send(new TakePhoneMessage(now, "Ona", null, null, "+37060000000", "Perskambinti", walled.UserId), reception)),
            ("ForwardPhoneMessage.AddresseeUserId", async () => await database.Send(new ForwardPhoneMessage(life.PhoneMessageIds[1],
                await VersionOf<PhoneMessage>(life.PhoneMessageIds[1]), walled.UserId), reception)),
            ("OfferVisit.CaseworkerUserId", async () => await database.Send(new OfferVisit(caseId, "Vizitas", false, walled.UserId), cw)),
            ("AgreeVisit.SecondEmployeeUserId", async () => await database.Send(new AgreeVisit(life.VisitIds[0], await VersionOf<HomeVisit>(life.VisitIds[0]),
                now.AddDays(2), now.AddDays(2).AddHours(1), walled.UserId), cw)),
        ];
        Assert.Equal(Checked, attempts.Select(a => a.Field));

        var problems = new List<string>();
        foreach (var (field, send) in attempts)
        {
            try
            {
                await send();
                problems.Add($"{field}: {role} was accepted");
            }
            catch (RequestValidationException refused)
            {
                var property = field.Split('.')[1];
                if (!refused.Errors.TryGetValue(property, out var messages) || !messages.Any(m => m.Contains("because", StringComparison.Ordinal)))
                    problems.Add($"{field}: refused, but not at {property} with a reason: {refused.Message}");
            }
            catch (Exception other)
            {
                problems.Add($"{field}: refused as {other.GetType().Name} ({other.Message}), not at the owner field");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.False(await database.ReadAsync(db => db.Notifications.AnyAsync(n => n.UserId == walled.UserId)));
    }
}

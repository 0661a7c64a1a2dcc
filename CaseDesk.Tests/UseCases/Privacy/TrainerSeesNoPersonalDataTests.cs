using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseDesk.Domain;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Training;
using CaseDesk.Domain.Users;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>
/// Issue 17, "a wall with a door in it": nothing a role without access to clients' data can run returns a client's personal data
/// or the source free text. A database where every kind of record carries sentinel strings (the client's name, code, phone,
/// e-mail, address, a marker in every free text), plus legacy rows that make the trainer an owner (an action, a call-back, an
/// e-mail, a case, a visit, a letter, a promise, a notice quoting the action), is read with every request those roles may run,
/// built by reflection with every seeded id; each answer, serialized whole, must hold no sentinel.
/// </summary>
public sealed class TrainerSeesNoPersonalDataTests
{
    /// <summary>
    /// The roles that must see no client's personal data (docs/access.md). Only the trainer: the administrator reads the audit
    /// log, the subject access report and erasure requests, which name clients by design.
    /// </summary>
    public static TheoryData<string> WalledRoles => new([Roles.Trainer]);

    private static readonly Type[] DomainRequests = [.. typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && ResultOf(t) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    private static readonly JsonSerializerOptions Json = new()
    {
        // Unescaped, so "Žemaitė" is found as written; cycles cut, enums as text.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    private const string ActionText = "Trenerio veiksmas SARGAS-VEIKSMAS";
    private const string NoticeText = "Pranešimas SARGAS-PRANESIMAS";
    private const string IncidentMarker = "SARGAS-INCIDENTAS";

    [Theory]
    [MemberData(nameof(WalledRoles))]
    public async Task Nothing_the_role_can_run_returns_a_clients_personal_data_or_source_free_text(string role)
    {
        await using var database = await TestDatabase.CreateAsync();
        var seeded = await SeedAsync(database, role);
        var allowed = DomainRequests.Where(t => RequestPolicy.AllowedRoles(t).Contains(role))
            // Reads first: the commands (marking a notice read) must not hide what a read would show.
            .OrderBy(t => IsCommand(t)).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        Assert.Contains(typeof(GetMyWork), allowed);

        var leaks = new List<string>();
        var unbuilt = new List<string>();
        var neverAnswered = new List<string>();
        var answers = 0;
        foreach (var type in allowed)
        {
            var instances = Instances(type, seeded).ToList();
            if (instances.Count == 0)
            {
                unbuilt.Add($"{type.Name}: reflection cannot build it ({WhyNotBuilt(type)}); add a hand-made instance to {nameof(HandMade)}");
                continue;
            }
            var answered = false;
            foreach (var request in instances)
            {
                if (await SendAsync(database, request, seeded.Caller) is not { } response)
                    continue;
                answered = true;
                answers++;
                var json = JsonSerializer.Serialize(response, response.GetType(), Json);
                foreach (var sentinel in seeded.Sentinels.Where(s => json.Contains(s, StringComparison.OrdinalIgnoreCase)))
                    leaks.Add($"{type.Name} {JsonSerializer.Serialize(request, request.GetType(), Json)} returned \"{sentinel}\"");
            }
            if (!answered)
                neverAnswered.Add($"{type.Name}: no instance was answered (every id was refused or not found), so it was not checked; seed the record it reads");
        }

        Assert.True(unbuilt.Count == 0, string.Join("\n", unbuilt));
        Assert.True(leaks.Count == 0, $"{role} was shown personal data or source text:\n" + string.Join("\n", leaks.Distinct()));
        Assert.True(neverAnswered.Count == 0, string.Join("\n", neverAnswered));
        Assert.True(answers >= allowed.Count, $"{answers} answers for {allowed.Count} requests");
    }

    [Fact]
    public async Task The_seed_holds_the_sentinels_where_staff_who_may_see_them_do()
    {
        // Guards the test above: the same reads as a caseworker and the officer find the sentinels, so their absence means something.
        await using var database = await TestDatabase.CreateAsync();
        var seeded = await SeedAsync(database, Roles.Trainer);
        var complaint = await database.Send(new GetComplaint(seeded.Life.ComplaintIds[0]), seeded.Staff.Officer);
        Assert.Contains(complaint.Actions, a => a.Description.StartsWith(ActionText, StringComparison.Ordinal));
        var review = await database.Send(new GetIncidentReview(seeded.IncidentId), seeded.Staff.Officer);
        Assert.Contains(IncidentMarker, JsonSerializer.Serialize(review, Json));
        // The same user holding a role that may see: My work and the notices show the legacy rows, so only the role hides them.
        var seeing = seeded.Caller with { Roles = new HashSet<string> { Roles.Caseworker, Roles.QualityOfficer } };
        var work = JsonSerializer.Serialize(await database.Send(new GetMyWork(), seeing), Json);
        Assert.Contains(ActionText, work);
        Assert.Contains(seeded.Life.Marker, work);
        Assert.Contains(NoticeText, JsonSerializer.Serialize(await database.Send(new GetMyNotifications(), seeing), Json));
        // The legacy rows are there, owned by the walled role, as the reads above will meet them.
        Assert.True(await database.ReadAsync(db => db.CorrectiveActions.AnyAsync(a => a.OwnerUserId == seeded.Caller.UserId && a.Description.StartsWith(ActionText))));
        Assert.True(await database.ReadAsync(db => db.Notifications.AnyAsync(n => n.UserId == seeded.Caller.UserId && n.Text.Contains(NoticeText))));
        Assert.True(await database.ReadAsync(db => db.PhoneMessages.AnyAsync(m => m.AddresseeUserId == seeded.Caller.UserId && m.CalledBackAtUtc == null)));
    }

    [Fact]
    public void Every_request_the_trainer_may_run_can_be_built()
    {
        var seeded = new Seeded(Caller.Anonymous, default!, default!, [Guid.NewGuid()], Guid.Empty, Guid.Empty, Guid.Empty, []);
        var unbuilt = DomainRequests.Where(t => RequestPolicy.AllowedRoles(t).Contains(Roles.Trainer))
            .Where(t => !Instances(t, seeded).Any()).Select(t => t.Name).ToList();
        Assert.Empty(unbuilt);
    }

    private sealed record Seeded(Caller Caller, PrivacyStaff Staff, ClientLife Life, IReadOnlyList<Guid> Ids, Guid IncidentId, Guid CopyId,
        Guid PackId, IReadOnlyList<string> Sentinels);

    private static async Task<Seeded> SeedAsync(TestDatabase database, string role)
    {
        var staff = await ClientLife.StaffAsync(database);
        var walled = await database.CreateUserAsync("walled-" + role.ToLowerInvariant(), role);
        var life = await ClientLife.SeedAsync(database, staff, "SARGASZ", "Žydrūnė", "Sargaitė", "4851212345", "+370 612 40 771");
        var complaint = life.ComplaintIds[0];
        var suggestion = life.ComplaintIds[1];

        // An incident naming the client, whose copy the officer rewrites and releases: the trainer may read the copy, never the source.
        var incident = await database.Send(IncidentWork.Incident(database.Clock.UtcDateTime,
            $"{life.FirstName} {life.LastName} ({life.Phone}) šaukė ant darbuotojos. {IncidentMarker} {life.Marker}", life.ClientId), staff.Caseworker);
        var review = await database.Send(new GetIncidentReview(incident), staff.Officer);
        var version = await database.Send(new EditTrainingCopy(review.Copy.Id, review.Copy.Version, "Piktas lankytojas",
            "Klientas šaukė ant darbuotojos; ji kalbėjo ramiai.", null, null), staff.Officer);
        await database.Send(new ReleaseTrainingCopy(review.Copy.Id, version), staff.Officer);
        var pack = role == Roles.Trainer
            ? await database.Send(new SaveSessionPack(null, null, "Užsiėmimas", null, [new PackItemInput(review.Copy.Id, "Ką darytumėte?")]), walled)
            : Guid.Empty;

        // Legacy rows, written straight into the database as an older version (or a role change) would have left them.
        var actionId = Guid.CreateVersion7();
        var now = database.Clock.UtcDateTime;
        await using (var db = database.OpenDb())
        {
            db.Entry(new CorrectiveAction(actionId, complaint, $"{ActionText}: paskambinti {life.FirstName} {life.LastName}, {life.Phone}",
                walled.UserId, now.AddDays(7), now, staff.Officer.UserId)).State = EntityState.Added;
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), UserId = walled.UserId, CreatedAtUtc = now, Link = $"complaints/{complaint}",
                Text = $"{NoticeText}: {life.FirstName} {life.LastName}, {life.Phone}",
            });
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), UserId = walled.UserId, CreatedAtUtc = now, Link = $"cases/{life.CaseIds[1]}",
                Text = $"{NoticeText}: {life.LastName}",
            });
            await db.SaveChangesAsync();
            var me = walled.UserId;
            await db.PhoneMessages.Where(m => m.Id == life.PhoneMessageIds[1]).ExecuteUpdateAsync(s => s.SetProperty(m => m.AddresseeUserId, me));
            await db.EmailEnquiries.Where(e => e.Id == life.EmailIds[1]).ExecuteUpdateAsync(s => s.SetProperty(e => e.AssignedToUserId, me));
            await db.Cases.Where(c => c.Id == life.CaseIds[1]).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedToUserId, me)
                .SetProperty(c => c.DueAtUtc, now.AddDays(1)));
            await db.HomeVisits.Where(v => v.Id == life.VisitIds[0]).ExecuteUpdateAsync(s => s.SetProperty(v => v.CaseworkerUserId, me));
            await db.InformationLetters.Where(l => l.Id == life.LetterIds[1]).ExecuteUpdateAsync(s => s.SetProperty(l => l.CreatedByUserId, me));
            await db.Promises.Where(p => life.PromiseIds.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OwnerUserId, me));
            await db.ResponseClocks.ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerUserId, me));
        }
        var notices = await database.ReadAsync(db => db.Notifications.Where(n => n.UserId == walled.UserId).Select(n => n.Id).ToListAsync());

        Guid[] ids = [life.ClientId, .. life.CaseIds, .. life.ContactIds, .. life.PromiseIds, .. life.PhoneMessageIds, .. life.EmailIds,
            .. life.LetterIds, .. life.VisitIds, complaint, suggestion, actionId, incident, review.Copy.Id, pack, .. notices];
        string[] sentinels = [.. life.StoredStrings, ActionText, NoticeText, IncidentMarker, "Sargait", "Žydrūn"];
        return new Seeded(walled, staff, life, [.. ids.Where(id => id != Guid.Empty).Distinct()], incident, review.Copy.Id, pack, sentinels);
    }

    /// <summary>Requests reflection cannot fill sensibly (two ids that must match, a value the validator checks).</summary>
    private static IEnumerable<object>? HandMade(Type type, Seeded s) => type.Name switch
    {
        nameof(SaveSessionPack) => [new SaveSessionPack(null, null, "Antras užsiėmimas", "Klausimai", [new PackItemInput(s.CopyId, null)])],
        nameof(SetMyLanguage) => [new SetMyLanguage("lt")],
        _ => null,
    };

    /// <summary>Every instance to send: hand-made ones, else one per seeded id for the request's id (none when it cannot be built).</summary>
    private static IEnumerable<object> Instances(Type type, Seeded s)
    {
        if (HandMade(type, s) is { } made)
            return made;
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var ids = parameters.Count(p => Underlying(p.ParameterType) == typeof(Guid));
        if (ids > 1 || parameters.Any(p => !CanBuild(p)))
            return [];
        var choices = ids == 0 ? [Guid.Empty] : s.Ids;
        return choices.Select(id => constructor.Invoke([.. parameters.Select(p => Value(p, id))]));
    }

    private static string WhyNotBuilt(Type type)
    {
        var parameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
        return parameters.Count(p => Underlying(p.ParameterType) == typeof(Guid)) > 1
            ? "more than one id"
            : "cannot fill " + string.Join(", ", parameters.Where(p => !CanBuild(p)).Select(p => $"{p.ParameterType.Name} {p.Name}"));
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool CanBuild(ParameterInfo p) => p.HasDefaultValue || CanBuild(p.ParameterType, 0);

    private static bool CanBuild(Type type, int depth)
    {
        type = Underlying(type);
        if (type == typeof(Guid) || type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(DateTime) || type == typeof(DateOnly))
            return true;
        if (IsList(type))
            return true;
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        return depth < 3 && type.IsClass && constructor is not null
            && constructor.GetParameters().All(p => p.HasDefaultValue || (Underlying(p.ParameterType) != typeof(Guid) && CanBuild(p.ParameterType, depth + 1)));
    }

    private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(IReadOnlyList<>) || d == typeof(IReadOnlyCollection<>) || d == typeof(IEnumerable<>) || d == typeof(List<>));

    /// <summary>A sensible value: the id for the id, the declared default, else an empty or typical value (today, this year, 20, the first enum value).</summary>
    private static object? Value(ParameterInfo p, Guid id)
    {
        if (Underlying(p.ParameterType) == typeof(Guid))
            return id;
        if (p.ParameterType == typeof(int) && p.Name!.Contains("Year", StringComparison.OrdinalIgnoreCase))
            return DateTime.UtcNow.Year;
        return p.HasDefaultValue ? p.DefaultValue : Value(p.ParameterType);
    }

    private static object? Value(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is not null)
            return null;
        if (type == typeof(string)) return "";
        if (type == typeof(bool)) return false;
        if (type == typeof(int)) return 20;
        if (type == typeof(DateTime)) return DateTime.UtcNow.Date;
        if (type == typeof(DateOnly)) return DateOnly.FromDateTime(DateTime.UtcNow);
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsPrimitive) return Activator.CreateInstance(type);
        if (IsList(type)) return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Value(p.ParameterType))]);
    }

    /// <summary>The answer, or null when the request was refused for its input (not found, validation, a domain rule).</summary>
    private static async Task<object?> SendAsync(TestDatabase database, object request, Caller caller)
    {
        var send = typeof(TestDatabase).GetMethod(nameof(TestDatabase.Send))!.MakeGenericMethod(ResultOf(request.GetType())!);
        var task = (Task)send.Invoke(database, [request, caller])!;
        try
        {
            await task;
        }
        catch (Exception e) when (e is NotFoundException or RequestValidationException or DomainRefusalException)
        {
            return null;
        }
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static bool IsCommand(Type type) => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    private static Type? ResultOf(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))?.GetGenericArguments()[0];
}

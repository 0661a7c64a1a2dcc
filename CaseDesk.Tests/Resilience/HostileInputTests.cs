using System.Collections;
using System.Reflection;
using CaseDesk.Domain;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Demo;
using CaseDesk.Tests.Support;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Resilience;

/// <summary>A small generated world that every command can point at: clients, cases, contacts, messages, visits, letters, a complaint.</summary>
public sealed class HostileWorld : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public Caller Caseworker { get; private set; } = default!;
    private readonly Dictionary<string, Caller> callers = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await DemoDataGenerator.GenerateAsync(Database.Services, new DemoDataOptions
        {
            Clients = 12, Cases = 16, Contacts = 80, ExtraCaseworkers = 1, ExtraReceptionists = 0, YearsOfHistory = 1,
        });
        Caseworker = await Database.CreateCallerAsync(Roles.Caseworker);
        var officer = await Database.CreateCallerAsync(Roles.QualityOfficer, Roles.Reception);
        var clientId = await Database.ReadAsync(db => db.Clients.Select(c => c.Id).FirstAsync());
        await Database.RegisterFeedbackAsync(officer, clientId: clientId);
    }

    /// <summary>A caller holding every role the request allows (any staff: a caseworker).</summary>
    public async Task<Caller> CallerFor(Type request)
    {
        // The app's own work (the mail fetcher and sender) gets the hostile values as the system, so they reach validation.
        if (request.GetCustomAttribute<SystemOnlyAttribute>() is not null)
            return Caller.System;
        // The public website's requests likewise as the website's caller: any other is refused before validation.
        if (request.GetCustomAttribute<Domain.Public.PublicRequestAttribute>() is not null)
            return Caller.Public;
        var roles = request.GetCustomAttribute<AllowedRolesAttribute>()?.Roles.ToArray() ?? [Roles.Caseworker];
        var key = string.Join(",", roles.Order());
        if (!callers.TryGetValue(key, out var caller))
            callers[key] = caller = await Database.CreateCallerAsync(roles);
        return caller;
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>
/// Every command of the domain, found by reflection, sent through the real pipeline with hostile values in one
/// field at a time (the other fields plausible and pointing at existing records): empty and 100,000-character
/// strings, control characters, right-to-left overrides, SQL and script text, lone surrogates, dates and numbers
/// at their limits, unknown ids, undefined enum values, huge lists. Each must end as success or as one of the
/// domain's answers (validation, refusal, not found, conflict, denied) — never another exception — and an
/// answer that is not success must leave every table's row count as it was (audit rows aside).
/// </summary>
public sealed class HostileInputTests(HostileWorld world, ITestOutputHelper output) : IClassFixture<HostileWorld>
{
    private static readonly Type[] SafeAnswers =
    [
        typeof(RequestValidationException), typeof(DomainRefusalException), typeof(NotFoundException),
        typeof(ConcurrencyConflictException), typeof(AccessDeniedException), typeof(PossibleDuplicateException),
    ];

    public static readonly string[] HostileStrings =
    [
        "", "   ", new string('x', 100_000), "\0\u0001\u0007\u001b\r\n\t\u007f", "\u202Eevil.exe\u202C txt",
        "'; DROP TABLE Clients;--", "<script>alert(1)</script>", "\uD800 lone surrogate", "ąčęėįšųūž ĄČĘĖĮŠŲŪŽ 👍",
        // Direction controls left open, stray closers and marks (docs/privacy.md, "Hostile characters").
        "Jonas \u202Esaksualzak", "\u202A\u202B\u202D open embeddings \u2066\u2067\u2068 and isolates", "\u202C\u2069 stray closers \u200E\u200F\u061C marks",
    ];

    private static readonly Dictionary<string, string> EntityOfId = new()
    {
        ["ClientId"] = "Client", ["CaseId"] = "Case", ["PromiseId"] = "Promise", ["MessageId"] = "PhoneMessage",
        ["EmailId"] = "EmailEnquiry", ["VisitId"] = "HomeVisit", ["LetterId"] = "InformationLetter", ["TemplateId"] = "LetterTemplate",
        ["UnitId"] = "OrgUnit", ["Units"] = "OrgUnit", ["ComplaintId"] = "Complaint", ["ActionId"] = "CorrectiveAction",
        ["ReviewId"] = "StandardReview", ["ClockId"] = "ResponseClock",
    };

    private static readonly Dictionary<string, string> EntityOfIdInNamespace = new()
    {
        ["Complaints"] = "Complaint", ["Clients"] = "Client", ["Clocks"] = "Notification",
    };

    public static TheoryData<string> Commands() => new(typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
        .Select(t => t.FullName!).Order());

    [Fact]
    public void The_commands_are_found()
    {
        var names = ((IEnumerable<object[]>)Commands()).Select(row => (string)row[0]).ToList();
        Assert.Contains(typeof(Domain.Contacts.LogContact).FullName, names);
        Assert.True(names.Count >= 50, $"Only {names.Count} commands found.");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_command_with_hostile_values_succeeds_or_is_answered_without_a_partial_write(string commandType)
    {
        var type = typeof(DependencyInjection).Assembly.GetType(commandType)!;
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var caller = await world.CallerFor(type);
        var failures = new List<string>();
        var sent = 0;
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < parameters.Length; i++)
        {
            foreach (var (label, value) in Variants(parameters[i].ParameterType, parameters[i], type))
            {
                var args = new object?[parameters.Length];
                for (var j = 0; j < parameters.Length; j++)
                    args[j] = j == i ? value : await PlausibleAsync(parameters[j], type, parameters, args);
                if (i < parameters.Length && parameters[i].Name == "Version")
                    args[i] = value;
                var request = constructor.Invoke(args);
                var before = await RowCountsAsync();
                sent++;
                var outcome = await SendAsync(request, caller);
                outcomes[outcome.Name] = outcomes.GetValueOrDefault(outcome.Name) + 1;
                var what = $"{type.Name}.{parameters[i].Name} = {label}";
                if (outcome.Error is { } error)
                {
                    if (!SafeAnswers.Contains(error.GetType()))
                        failures.Add($"{what}: {error.GetType().Name}: {Short(error.Message)}");
                    else if (await RowCountsAsync() is var after && !after.SequenceEqual(before))
                        failures.Add($"{what}: answered {error.GetType().Name} but rows changed: " +
                            string.Join(", ", after.Zip(before).Where(p => p.First.Value != p.Second.Value).Select(p => $"{p.First.Key} {p.Second.Value}→{p.First.Value}")));
                }
            }
        }

        output.WriteLine($"{type.Name}: {sent} requests; " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        failures.AddRange((await UnbalancedTextAsync()).Select(t => $"{type.Name}: stored with a direction control left open: {t}"));
        Assert.True(sent > 0 || parameters.Length == 0);
        Assert.Empty(failures.Take(15));
    }

    private sealed record Outcome(string Name, Exception? Error);

    private async Task<Outcome> SendAsync(object request, Caller caller)
    {
        var send = typeof(TestDatabase).GetMethod(nameof(TestDatabase.Send))!
            .MakeGenericMethod(request.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0]);
        try
        {
            await (Task)send.Invoke(world.Database, [request, caller])!;
            return new Outcome("success", null);
        }
        catch (Exception e)
        {
            return new Outcome(e.GetType().Name, e);
        }
    }

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private async Task<List<KeyValuePair<string, long>>> RowCountsAsync()
    {
        await using var connection = new SqliteConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('AuditEntries', '__EFMigrationsHistory') AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        command.CommandText = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT count(*) FROM \"{t}\")"));
        await using var counts = await command.ExecuteReaderAsync();
        await counts.ReadAsync();
        return tables.Select((t, i) => new KeyValuePair<string, long>(t, counts.GetInt64(i))).ToList();
    }

    /// <summary>Every stored text (audit rows included) that opens an embedding, override or isolate it does not close on its line.</summary>
    private async Task<List<string>> UnbalancedTextAsync()
    {
        await using var connection = new SqliteConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.type = 'TEXT'";
        var columns = new List<(string Table, string Column)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                columns.Add((reader.GetString(0), reader.GetString(1)));
        var openers = string.Join(" OR ", new[] { 0x202A, 0x202B, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068 }.Select(c => $"instr(\"{{0}}\", char({c})) > 0"));
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE " + string.Format(openers, column);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                if (!BidiText.IsBalanced(reader.GetString(0)))
                    found.Add($"{table}.{column} = {Label(reader.GetString(0))}");
        }
        return found;
    }

    // ---- hostile values ----

    private static readonly NullabilityInfoContext Nullability = new();

    private IEnumerable<(string Label, object? Value)> Variants(Type type, ParameterInfo? parameter, Type command)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null || (parameter is not null && !type.IsValueType && Nullability.Create(parameter).WriteState == NullabilityState.Nullable);
        if (nullable)
            yield return ("null", null);
        type = underlying ?? type;

        if (type == typeof(string))
        {
            foreach (var s in HostileStrings)
                yield return (Label(s), s);
        }
        else if (type == typeof(Guid))
        {
            yield return ("Guid.Empty", Guid.Empty);
            yield return ("unknown Guid", Guid.NewGuid());
        }
        else if (type == typeof(int))
        {
            foreach (var n in new[] { int.MinValue, -1, 0, int.MaxValue })
                yield return (n.ToString(), n);
        }
        else if (type == typeof(long))
        {
            foreach (var n in new[] { long.MinValue, -1L, 0L, long.MaxValue })
                yield return (n.ToString(), n);
        }
        else if (type == typeof(DateTime))
        {
            yield return ("DateTime.MinValue", DateTime.MinValue);
            yield return ("DateTime.MaxValue", DateTime.MaxValue);
            yield return ("DateTime.MaxValue UTC", DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));
            yield return ("year 1 UTC", new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
        else if (type == typeof(DateOnly))
        {
            yield return ("DateOnly.MinValue", DateOnly.MinValue);
            yield return ("DateOnly.MaxValue", DateOnly.MaxValue);
        }
        else if (type == typeof(TimeOnly))
        {
            yield return ("TimeOnly.MinValue", TimeOnly.MinValue);
            yield return ("TimeOnly.MaxValue", TimeOnly.MaxValue);
        }
        else if (type.IsEnum)
        {
            foreach (var n in new[] { 0, -1, 999 })
                if (!Enum.IsDefined(type, Enum.ToObject(type, n)))
                    yield return ($"({type.Name}){n}", Enum.ToObject(type, n));
        }
        else if (ListElement(type) is { } element)
        {
            foreach (var (label, value) in ElementVariants(element, command))
                yield return ($"[{label}]", MakeList(element, [value]));
            yield return ("10,000 items", MakeList(element, Enumerable.Range(0, 10_000).Select(_ => Plausible(element, null, command)).ToArray()));
        }
    }

    private IEnumerable<(string Label, object? Value)> ElementVariants(Type element, Type command)
    {
        if (element == typeof(string) || element.IsValueType)
        {
            foreach (var v in Variants(element, null, command))
                yield return v;
            yield break;
        }
        // A record (a promise, a household member): hostile values in one of its fields at a time.
        var constructor = element.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var fields = constructor.GetParameters();
        for (var i = 0; i < fields.Length; i++)
        {
            foreach (var (label, value) in Variants(fields[i].ParameterType, fields[i], command))
            {
                var args = fields.Select((f, j) => j == i ? value : Plausible(f.ParameterType, f.Name, command)).ToArray();
                yield return ($"{fields[i].Name} = {label}", constructor.Invoke(args));
            }
        }
    }

    private static string Label(string s) => s.Length > 40 ? $"{s.Length:N0} chars" : System.Text.Json.JsonSerializer.Serialize(s);

    private static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static object MakeList(Type element, object?[] items)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in items)
            list.Add(item);
        return list;
    }

    // ---- plausible values: the other fields point at existing records, so the hostile one is what gets judged ----

    private async Task<object?> PlausibleAsync(ParameterInfo parameter, Type command, ParameterInfo[] all, object?[] args)
    {
        if (parameter.Name == "Version" && parameter.ParameterType == typeof(Guid))
        {
            // The current version of the record the command's first id points at, so a stale version is not all it meets.
            var idIndex = Array.FindIndex(all, p => p.ParameterType == typeof(Guid) && p.Name != "Version");
            return idIndex >= 0 && args[idIndex] is Guid id && EntityFor(all[idIndex].Name!, command) is { } entity
                ? await world.Database.ReadAsync(async db => await db.FindAsync(Entity(db, entity).ClrType, id) is IVersioned v ? v.Version : Guid.Empty)
                : Guid.Empty;
        }
        if (parameter.Name == "ClientId" && all.Any(p => p.Name == "CaseId"))
        {
            var caseId = await AnyIdAsync("Case");
            return await world.Database.ReadAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.ClientId).SingleAsync());
        }
        if (parameter.ParameterType == typeof(Guid) || parameter.ParameterType == typeof(Guid?))
            return EntityFor(parameter.Name!, command) is { } name ? await AnyIdAsync(name) : Guid.NewGuid();
        if (ListElement(parameter.ParameterType) == typeof(Guid))
            return new List<Guid> { EntityFor(parameter.Name!, command) is { } n ? await AnyIdAsync(n) : Guid.NewGuid() };
        if (parameter.ParameterType == typeof(string) && parameter.Name!.EndsWith("UserId", StringComparison.Ordinal) || parameter.Name == "UserId")
            return world.Caseworker.UserId;
        if (parameter.Name == "Code")
            return "delay";
        return Plausible(parameter.ParameterType, parameter.Name, command);
    }

    private static string? EntityFor(string parameter, Type command) =>
        parameter == "Id" ? EntityOfIdInNamespace.GetValueOrDefault(command.Namespace!.Split('.').Last()) : EntityOfId.GetValueOrDefault(parameter);

    private static Microsoft.EntityFrameworkCore.Metadata.IEntityType Entity(CaseDeskDb db, string name) =>
        db.Model.GetEntityTypes().Single(t => t.ClrType.Name == name);

    private readonly Dictionary<string, Guid> ids = [];

    private async Task<Guid> AnyIdAsync(string entity)
    {
        if (ids.TryGetValue(entity, out var known))
            return known;
        var id = await world.Database.ReadAsync(async db =>
        {
            var table = Entity(db, entity).GetTableName();
            await using var connection = new SqliteConnection(world.Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            var where = entity == "Case" ? "WHERE ClosedAtUtc IS NULL" : "";
            command.CommandText = $"SELECT Id FROM \"{table}\" {where} ORDER BY rowid DESC LIMIT 1";
            return await command.ExecuteScalarAsync() is string text ? Guid.Parse(text) : Guid.NewGuid();
        });
        return ids[entity] = id;
    }

    private object? Plausible(Type type, string? name, Type command)
    {
        var now = world.Database.Clock.GetUtcNow().UtcDateTime;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
            return name switch
            {
                "Email" or "FromAddress" => "jonas@example.lt",
                "Phone" => "+37061234567",
                "PersonalCode" => null,
                "Culture" or "Language" => "lt",
                "Contact" => "jonas@example.lt",
                "SubmissionKey" => Guid.NewGuid().ToString("N"),
                "UserName" => $"user{Guid.NewGuid():N}"[..12],
                "InitialPassword" => "Slaptazodis2026",
                "Version" => "",
                _ => "Tekstas",
            };
        if (underlying == typeof(long))
            return 7L;
        if (underlying == typeof(ReadOnlyMemory<byte>))
            return new ReadOnlyMemory<byte>("Subject: Laiškas\r\n\r\nTekstas"u8.ToArray());
        if (underlying == typeof(int))
            return name switch { "Touchpoint" => 5, "Minutes" => 60, "AtRiskPercent" => 80, "BirthYear" => 1960, _ => 5 };
        if (underlying == typeof(DateTime))
            return name is not null && (name.Contains("Deadline") || name.Contains("Due") || name.Contains("Next") || name.Contains("Start") || name.Contains("Effective"))
                ? now.AddDays(3)
                : name is not null && name.Contains("End") ? now.AddDays(3).AddHours(1) : now.AddHours(-1);
        if (underlying == typeof(DateOnly))
            return DateOnly.FromDateTime(now).AddDays(name is "PeriodFrom" or "From" ? -30 : name == "Date" ? 10 : 0);
        if (underlying == typeof(TimeOnly))
            return name == "Closes" ? new TimeOnly(17, 0) : new TimeOnly(8, 0);
        if (underlying == typeof(bool))
            return false;
        if (underlying == typeof(Guid))
            return Guid.NewGuid();
        if (underlying.IsEnum)
            return Enum.GetValues(underlying).GetValue(0);
        if (ListElement(type) is { } element)
            return element == typeof(int) ? new List<int> { 5 } : element == typeof(string) && name == "Roles" ? new List<string> { Roles.Caseworker } : MakeList(element, []);
        if (!type.IsValueType)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            return constructor.Invoke(constructor.GetParameters().Select(p => Plausible(p.ParameterType, p.Name, command)).ToArray());
        }
        throw new InvalidOperationException($"No plausible value for {type.Name} {name} in {command.Name}: teach the test this type.");
    }
}

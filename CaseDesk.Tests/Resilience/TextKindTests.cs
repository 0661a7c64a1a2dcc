using System.Collections;
using System.Reflection;
using CaseDesk.Domain;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Resilience;

/// <summary>
/// Every string a request carries (nested records and lists included) is classified by exactly one text rule of its
/// validators (<see cref="TextRules.PersonName"/>, <see cref="TextRules.SingleLine"/>, <see cref="TextRules.FreeText"/>),
/// and each classified field behaves as its kind promises. A new request with an unclassified string fails here.
/// </summary>
public sealed class TextKindTests(ITestOutputHelper output)
{
    /// <summary>U+202A-U+202E, U+2066-U+2069, LRM, RLM and the Arabic letter mark.</summary>
    public static readonly string[] DirectionControls =
    [
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
    ];

    private static readonly Assembly Domain = typeof(DependencyInjection).Assembly;

    private static IEnumerable<Type> RequestTypes() => Domain.GetTypes()
        .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false, IsPublic: true } && t.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .OrderBy(t => t.FullName);

    [Fact]
    public async Task Every_string_of_every_request_is_classified_once()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        using var scope = db.Services.CreateScope();
        var unclassified = new List<string>();
        var doubly = new List<string>();
        var tally = new Dictionary<TextKind, int>();
        var requests = 0;
        foreach (var type in RequestTypes())
        {
            var paths = StringPaths(type, "").ToList();
            if (paths.Count == 0)
                continue;
            requests++;
            var kinds = Classification(scope.ServiceProvider, type);
            foreach (var path in paths)
            {
                if (!kinds.TryGetValue(path, out var found))
                    unclassified.Add($"{type.Name}.{path}");
                else if (found.Count > 1)
                    doubly.Add($"{type.Name}.{path}: {string.Join(", ", found)}");
                else
                    tally[found.Single()] = tally.GetValueOrDefault(found.Single()) + 1;
            }
        }

        output.WriteLine($"{requests} requests carry text; " + string.Join(", ", tally.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value}")));
        Assert.True(requests >= 50, $"Only {requests} requests with text found.");
        Assert.True(tally.GetValueOrDefault(TextKind.PersonName) >= 8, "The person-name fields were not found.");
        Assert.Empty(unclassified);
        Assert.Empty(doubly);
    }

    [Fact]
    public async Task Every_classified_field_behaves_as_its_kind()
    {
        await using var db = await TestDatabase.CreateAsync();
        var failures = new List<string>();
        var checkedFields = 0;
        foreach (var type in RequestTypes())
        {
            using var scope = db.Services.CreateScope();
            foreach (var (path, kinds) in Classification(scope.ServiceProvider, type))
            {
                if (kinds.Count != 1)
                    continue;
                checkedFields++;
                var kind = kinds.Single();
                var where = $"{type.Name}.{path} ({kind})";
                var errorPath = path.Replace("[]", "[0]");

                if (kind == TextKind.PersonName)
                {
                    foreach (var hostile in new[] { "Jonas \u202Eseni", "Jonas2", "Jonas@example", "<b>Jonas</b>", "Jo\u200Bnas" })
                        if (!(await ErrorsAtAsync(scope.ServiceProvider, type, path, errorPath, hostile)).Any(IsTextRuleMessage))
                            failures.Add($"{where} took {Show(hostile)}");
                    foreach (var name in new[] { "Žemaitė-Petrauskienė", "O’Brien", "D'Artagnan", "J. Jonaitis", "Владимир Соловьёв", "Wiśniewska Łucja" })
                        if ((await ErrorsAtAsync(scope.ServiceProvider, type, path, errorPath, name)).Any(IsTextRuleMessage))
                            failures.Add($"{where} refused the name {name}");
                }
                else if (kind == TextKind.SingleLine)
                {
                    foreach (var control in DirectionControls.Append("\u200B").Append("\uFEFF"))
                    {
                        var hostile = "Alytus" + control + "Vilnius";
                        var request = Build(type, path, hostile);
                        if (ValuesAt(request, path).All(v => v is null || !v.Contains(control, StringComparison.Ordinal)))
                            continue; // stripped where it was made (search boxes)
                        var errors = await ErrorsAtAsync(scope.ServiceProvider, type, path, errorPath, hostile);
                        if (!errors.Contains(TextRules.InvisibleCharactersMessage))
                            failures.Add($"{where} took U+{(int)control[0]:X4}");
                    }
                }
                else
                {
                    var text = "Klientė rašė: \u202Eseni\u202C ir \u2067שלום, o po to \u202Edar kartą";
                    if ((await ErrorsAtAsync(scope.ServiceProvider, type, path, errorPath, text)).Any(IsTextRuleMessage))
                        failures.Add($"{where} refused free text with direction controls");
                    if (!(await ErrorsAtAsync(scope.ServiceProvider, type, path, errorPath, "Tekstas\0su nuliu")).Contains(TextRules.ControlCharactersMessage))
                        failures.Add($"{where} took a NUL character");
                }
            }
        }

        output.WriteLine($"{checkedFields} classified fields checked");
        Assert.True(checkedFields >= 100, $"Only {checkedFields} fields checked.");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Free_text_is_stored_with_every_direction_control_closed_on_its_line()
    {
        await using var db = await TestDatabase.CreateAsync();
        var caller = await db.CreateCallerAsync(Roles.Caseworker);
        var clientId = await db.Send(new RegisterClient("Ona", "Jonaitienė", null, null, null, null, null, [], ClientLanguage.Lithuanian, null,
            "Reikia \u202Epandusos\nantra \u2067eilutė \u202Bvis dar", false, "Pavojus \u202C\u2069 be pradžios", []), caller);

        var stored = await db.ReadAsync(d => d.Clients.Where(c => c.Id == clientId).Select(c => new { c.AccessibilityNeeds, c.SafetyNote }).SingleAsync());
        Assert.Equal("Reikia \u202Epandusos\u202C\nantra \u2067eilutė \u202Bvis dar\u202C\u2069", stored.AccessibilityNeeds);
        Assert.Equal("Pavojus  be pradžios", stored.SafetyNote);
        Assert.True(BidiText.IsBalanced(stored.AccessibilityNeeds));
    }

    [Fact]
    public async Task A_client_name_with_a_right_to_left_override_is_refused_at_the_field()
    {
        await using var db = await TestDatabase.CreateAsync();
        var caller = await db.CreateCallerAsync(Roles.Reception);
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => db.Send(new RegisterClient("Jonas", "\u202Esaksualzak", null, null,
            null, null, null, [], ClientLanguage.Lithuanian, null, null, false, null, [new HouseholdMemberInput("Ona2", "sesuo", null)]), caller));

        Assert.Equal([TextRules.InvisibleCharactersMessage], refused.Errors[nameof(RegisterClient.LastName)]);
        Assert.Equal([TextRules.PersonNameMessage], refused.Errors["Household[0].Name"]);
        Assert.Equal(0, await db.ReadAsync(d => d.Clients.CountAsync(c => c.FirstName == "Jonas")));
    }

    [Theory]
    [InlineData("a\u202Eb", "a\u202Eb\u202C")]
    [InlineData("a\u202Cb\u2069c", "abc")]
    [InlineData("\u2067a\u202Eb\u2069c", "\u2067a\u202Eb\u202C\u2069c")]
    [InlineData("\u202Ba\u2068b\u202Cc", "\u202Ba\u2068bc\u2069\u202C")]
    [InlineData("x\u202Dy\r\nz", "x\u202Dy\u202C\r\nz")]
    [InlineData("\u200Fplain ąčę", "\u200Fplain ąčę")]
    public void Balancing_closes_what_is_open_and_drops_what_closes_nothing(string text, string expected) =>
        Assert.Equal(expected, BidiText.Balance(text));

    private static bool IsTextRuleMessage(string message) =>
        message == TextRules.InvisibleCharactersMessage || message == TextRules.ControlCharactersMessage || message == TextRules.PersonNameMessage;

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    // ---- the classification, read from the validators' rules ----

    /// <summary>Path of every string the validators of <paramref name="type"/> classify ("Household[].Name"), with its kinds.</summary>
    private static Dictionary<string, HashSet<TextKind>> Classification(IServiceProvider services, Type type)
    {
        var map = new Dictionary<string, HashSet<TextKind>>();
        foreach (var validator in services.GetServices(typeof(IValidator<>).MakeGenericType(type)).Cast<IValidator>())
            Collect(validator, "", map);
        return map;
    }

    private static void Collect(IValidator validator, string prefix, Dictionary<string, HashSet<TextKind>> map)
    {
        foreach (var rule in (IEnumerable<IValidationRule>)validator)
        {
            var each = rule.GetType().Name.StartsWith("CollectionPropertyRule", StringComparison.Ordinal);
            var path = rule.PropertyName is null ? prefix.TrimEnd('.') : prefix + rule.PropertyName + (each ? "[]" : "");
            foreach (var component in rule.Components)
            {
                if (component.Validator is ITextKindRule text)
                {
                    if (!map.TryGetValue(path, out var kinds))
                        map[path] = kinds = [];
                    kinds.Add(text.Kind);
                }
                else if (component.Validator is IChildValidatorAdaptor && ChildOf(component.Validator) is { } child)
                {
                    Collect(child, rule.PropertyName is null ? prefix : path + ".", map);
                }
            }
        }
    }

    private static IValidator? ChildOf(object adaptor) =>
        adaptor.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(f => f.GetValue(adaptor)).OfType<IValidator>().FirstOrDefault();

    // ---- the strings a request carries ----

    private static IEnumerable<string> StringPaths(Type type, string prefix)
    {
        foreach (var parameter in Constructor(type).GetParameters())
        {
            var t = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var path = prefix + parameter.Name;
            if (t == typeof(string))
                yield return path;
            else if (ListElement(t) is { } element)
            {
                if (element == typeof(string))
                    yield return path + "[]";
                else if (IsDomainRecord(element))
                    foreach (var inner in StringPaths(element, path + "[]."))
                        yield return inner;
            }
            else if (IsDomainRecord(t))
            {
                foreach (var inner in StringPaths(t, path + "."))
                    yield return inner;
            }
        }
    }

    private static bool IsDomainRecord(Type t) => t.Assembly == Domain && t.IsClass;

    private static Type? ListElement(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? t.GetGenericArguments()[0] : null;

    private static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    // ---- a request with one value at one path, the rest plausible ----

    private static async Task<List<string>> ErrorsAtAsync(IServiceProvider services, Type type, string path, string errorPath, string value)
    {
        var request = Build(type, path, value);
        var errors = new List<string>();
        foreach (var validator in services.GetServices(typeof(IValidator<>).MakeGenericType(type)).Cast<IValidator>())
        {
            var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(type), request)!;
            var result = await validator.ValidateAsync(context);
            errors.AddRange(result.Errors.Where(e => e.PropertyName == errorPath).Select(e => e.ErrorMessage));
        }
        return errors;
    }

    private static object Build(Type type, string? path, string value)
    {
        var parameters = Constructor(type).GetParameters();
        var head = path?.Split('.')[0];
        var rest = path is null || !path.Contains('.') ? null : path[(path.IndexOf('.') + 1)..];
        var args = parameters.Select(p =>
        {
            var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (head == p.Name)
                return t == typeof(string) ? value : Build(t, rest, value);
            if (head == p.Name + "[]")
            {
                var element = ListElement(t)!;
                return MakeList(element, element == typeof(string) ? value : Build(element, rest, value));
            }
            return Plausible(p.ParameterType);
        }).ToArray();
        return Constructor(type).Invoke(args);
    }

    private static object? Plausible(Type type)
    {
        var t = Nullable.GetUnderlyingType(type);
        if (t is not null)
            return null;
        if (type == typeof(string))
            return "Tekstas";
        if (type == typeof(Guid))
            return Guid.NewGuid();
        if (type == typeof(DateTime))
            return DateTime.UtcNow;
        if (type == typeof(DateOnly))
            return DateOnly.FromDateTime(DateTime.UtcNow);
        if (type == typeof(TimeOnly))
            return new TimeOnly(8, 0);
        if (type.IsEnum)
            return Enum.GetValues(type).GetValue(0);
        if (type.IsValueType)
            return Activator.CreateInstance(type);
        if (ListElement(type) is { } element)
            return MakeList(element);
        return Build(type, null, "");
    }

    private static object MakeList(Type element, params object?[] items)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in items)
            list.Add(item);
        return list;
    }

    private static IEnumerable<string?> ValuesAt(object? target, string path)
    {
        if (target is null)
            yield break;
        var head = path.Split('.')[0];
        var rest = path.Contains('.') ? path[(path.IndexOf('.') + 1)..] : null;
        var value = target.GetType().GetProperty(head.Replace("[]", ""))!.GetValue(target);
        var items = head.EndsWith("[]", StringComparison.Ordinal) ? ((IEnumerable)value!).Cast<object?>() : [value];
        foreach (var item in items)
        {
            if (rest is null)
                yield return (string?)item;
            else
                foreach (var inner in ValuesAt(item, rest))
                    yield return inner;
        }
    }
}

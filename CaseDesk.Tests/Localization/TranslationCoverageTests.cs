using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CaseDesk.App.Components.Layout;
using CaseDesk.App.Components.Pages;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.App.Services;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Localization;

/// <summary>
/// The English text is the key and Lithuanian is the default language, so a key without a
/// Lithuanian entry shows English to Lithuanian users. These tests read the source for every key.
/// </summary>
public sealed partial class TranslationCoverageTests
{
    /// <summary>
    /// <c>L[expression]</c> uses whose keys the scan cannot read, and where those keys come from.
    /// A new non-literal use fails <see cref="Every_non_literal_key_comes_from_a_known_source"/> until it is listed here.
    /// </summary>
    private static readonly Dictionary<string, Func<IEnumerable<string>>> IndirectKeys = new()
    {
        ["item.Text"] = () => Navigation.Items.Select(i => i.Text),
        ["role"] = () => Roles.All,
        ["r"] = () => Roles.All,
        ["row.Kind.ToString()"] = () => Enum.GetNames<AuditKind>(),
        ["((AuditKind)k).ToString()"] = () => Enum.GetNames<AuditKind>(),
        ["PhaseName(phase.Key)"] = () => Enum.GetValues<JourneyPhase>().Select(StandardPhaseName),
        // Names.Target(minutes, unit, k => L[k]) passes these words through the localizer.
        ["k"] = () => ["before the agreed time", "working day(s)", "working hrs"],
        ["StageName(stage.Stage)"] = () => Enum.GetValues<JourneyStage>().Select(JourneyStageName),
        ["group.Title"] = () => Navigation.Groups.Select(g => g.Title),
        ["RoleName(r)"] = () => Roles.All.Select(CaseDesk.App.Components.Layout.SignedInUser.RoleName),
        // MudBlazor's own words the app's screens show (MudTextsTests); others fall back to the library's English.
        ["DashboardLinks.NameOf(band)"] = () => Enum.GetValues<CaseDesk.Domain.Dashboard.ResponseBand>().Select(CaseDesk.App.Services.DashboardLinks.NameOf),
        ["DashboardLinks.NameOf(took)"] = () => Enum.GetValues<CaseDesk.Domain.Dashboard.ResponseBand>().Select(CaseDesk.App.Services.DashboardLinks.NameOf),
        ["english"] = () => new[] { "MudDataGridPager_RowsPerPage", "MudDialog_Close", "MudDataGrid_Contains", "MudDataGrid_Clear", "MudInput_Clear", "MudSnackbar_Close" }
            .Select(CaseDesk.App.Services.MudTexts.English),
    };

    /// <summary>Domain <c>T(expression)</c> uses whose keys come from a table: the audit log's names of actions and records.</summary>
    private static readonly Dictionary<string, Func<IEnumerable<string>>> DomainIndirectKeys = new()
    {
        ["english"] = () => CaseDesk.Domain.Audit.AuditNames.Actions.Values.Concat(CaseDesk.Domain.Audit.AuditNames.RecordTypes.Values),
        ["header"] = () => CaseDesk.Domain.Audit.ExportAuditEntriesCsvHandler.Headers,
    };

    /// <summary><c>L[Names.Of(x)]</c>, whatever x is: every name <see cref="Names"/> gives for every value of every enum it names.</summary>
    private const string EnumNames = "Names.Of(";

    private static IEnumerable<string> AllEnumNames() =>
        typeof(Names).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == nameof(Names.Of) && m.GetParameters() is [{ ParameterType.IsEnum: true }])
            .SelectMany(m => Enum.GetValues(m.GetParameters()[0].ParameterType).Cast<object>().Select(v => (string)m.Invoke(null, [v])!));

    [Fact]
    public void Every_ui_key_has_a_lithuanian_translation()
    {
        var translations = ReadResx("CaseDesk.App", "Resources", "SharedResource.lt.resx");
        var uses = UiKeyUses();
        Assert.True(uses.Count > 50, $"The scan found only {uses.Count} literal keys: is the L[\"...\"] pattern still what components use?");
        var keys = uses.Where(u => u.Key is not null).Select(u => u.Key!)
            .Concat(IndirectKeys.Values.SelectMany(source => source()))
            .Concat(AllEnumNames())
            .ToHashSet();

        AssertTranslated(keys, translations, "CaseDesk.App/Resources/SharedResource.lt.resx");
    }

    [Fact]
    public void Every_domain_message_has_a_lithuanian_translation()
    {
        var translations = ReadResx("CaseDesk.Domain", "Resources", "DomainText.lt.resx");
        var keys = new HashSet<string>();
        // Domain files call DomainText.T("...") or, with `using static`, T("..."); DomainText itself only forwards.
        foreach (var file in SourceTree.Files("CaseDesk.Domain", ".cs").Where(f => Path.GetFileName(f) != "DomainText.cs"))
        {
            foreach (var (key, expression) in Uses(File.ReadAllText(file), "T(", ')'))
            {
                if (key is null && DomainIndirectKeys.TryGetValue(expression!, out var source))
                {
                    keys.UnionWith(source());
                    continue;
                }
                Assert.True(key is not null, $"{file}: DomainText.T({expression}) is not a literal, so no test can check its translation.");
                keys.Add(key);
            }
        }
        Assert.Contains("You cannot remove your own Admin role, because the department would be left without anyone who can manage users.", keys);

        AssertTranslated(keys, translations, "CaseDesk.Domain/Resources/DomainText.lt.resx");
    }

    [Theory]
    [InlineData("CaseDesk.App", "SharedResource.lt.resx")]
    [InlineData("CaseDesk.Domain", "DomainText.lt.resx")]
    public void No_two_keys_differ_only_in_case(string project, string file)
    {
        // Resource lookups ignore case, so one of such a pair would show the other's text (or English).
        var clashes = ReadResx(project, "Resources", file).Keys
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();

        Assert.True(clashes.Count == 0, "Rename one key of each pair:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void Every_non_literal_key_comes_from_a_known_source()
    {
        var unknown = UiKeyUses()
            .Where(u => u.Key is null && !IndirectKeys.ContainsKey(u.Expression!) && !u.Expression!.StartsWith(EnumNames, StringComparison.Ordinal))
            .Select(u => $"{u.File}: L[{u.Expression}]")
            .ToList();

        Assert.True(unknown.Count == 0,
            "Add where these keys come from to IndirectKeys, so their translations are checked:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void The_scan_reads_literal_keys_with_arguments_and_escapes()
    {
        var uses = Uses("""<p>@L["Hello, {0}.", profile.FirstName]</p> L["Say \"hi\""] L[item.Text] NotL["x"]""", "L[", ']');

        Assert.Equal(
            [("Hello, {0}.", null), ("Say \"hi\"", null), (null, "item.Text")],
            uses.Select(u => (u.Key, u.Expression)));
    }

    private static List<(string File, string? Key, string? Expression)> UiKeyUses() =>
        SourceTree.Files("CaseDesk.App", ".razor", ".cs")
            .SelectMany(file => Uses(File.ReadAllText(file), "L[", ']').Select(u => (Path.GetFileName(file), u.Key, u.Expression)))
            .ToList();

    /// <summary>Each <c>opener...</c> use: the key when it starts with a string literal, otherwise the whole expression.</summary>
    private static IEnumerable<(string? Key, string? Expression)> Uses(string source, string opener, char closer)
    {
        for (var at = source.IndexOf(opener, StringComparison.Ordinal); at >= 0; at = source.IndexOf(opener, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && (char.IsLetterOrDigit(source[at - 1]) || source[at - 1] == '_'))
                continue;
            var i = at + opener.Length;
            while (char.IsWhiteSpace(source[i])) i++;
            if (source[i] == '"')
            {
                yield return (ReadLiteral(source, i), null);
                continue;
            }
            var depth = 0;
            var start = i;
            for (; depth > 0 || source[i] != closer; i++)
            {
                if (source[i] is '(' or '[') depth++;
                if (source[i] is ')' or ']') depth--;
            }
            yield return (null, source[start..i].Trim());
        }
    }

    private static string ReadLiteral(string source, int quote)
    {
        var text = new StringBuilder();
        for (var i = quote + 1; source[i] != '"'; i++)
        {
            if (source[i] == '\\')
            {
                i++;
                text.Append(source[i] switch { 'n' => '\n', 't' => '\t', var c => c });
            }
            else
            {
                text.Append(source[i]);
            }
        }
        return text.ToString();
    }

    private static Dictionary<string, string> ReadResx(params string[] path) =>
        XDocument.Load(SourceTree.PathOf(path)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static void AssertTranslated(IEnumerable<string> keys, Dictionary<string, string> translations, string resx)
    {
        var missing = keys.Where(k => !translations.TryGetValue(k, out var lt) || string.IsNullOrWhiteSpace(lt)).Order().ToList();
        Assert.True(missing.Count == 0, $"Add these keys with their Lithuanian text to {resx}:\n" + string.Join("\n", missing));

        var brokenPlaceholders = keys
            .Where(k => !Placeholders(k).SetEquals(Placeholders(translations[k])))
            .Select(k => $"{k} → {translations[k]}")
            .ToList();
        Assert.True(brokenPlaceholders.Count == 0, "The translation must keep the {n} placeholders:\n" + string.Join("\n", brokenPlaceholders));
    }

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    private static string JourneyStageName(JourneyStage stage) =>
        (string)(typeof(CaseJourneyView).GetMethod("StageName", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("CaseJourneyView.razor no longer has StageName(JourneyStage): update IndirectKeys."))
        .Invoke(null, [stage])!;

    private static string StandardPhaseName(JourneyPhase phase) =>
        (string)(typeof(Standard).GetMethod("PhaseName", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("Standard.razor no longer has PhaseName(JourneyPhase): update IndirectKeys."))
        .Invoke(null, [phase])!;
}

using Bunit;
using CaseDesk.App;
using CaseDesk.App.Components.Shared;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using CaseDesk.App.Services;
using MudBlazor;

namespace CaseDesk.Tests.Components.Shared;

public sealed class ConflictDialogTests : ComponentTestContext
{
    private static readonly ConcurrencyConflictException Conflict =
        new ConcurrencyConflictException("Letter", new Dictionary<string, string?> { ["Subject"] = "Stored subject", ["Body"] = "Stored body" }, "L-1")
            .ChangedLastBy("ona", new DateTime(2026, 3, 2, 8, 15, 0, DateTimeKind.Utc));

    private (IRenderedComponent<MudDialogProvider> Host, Task<ConflictChoice> Asked) Ask(IReadOnlyDictionary<string, string?> mine, IReadOnlyDictionary<string, string?>? theirs = null)
    {
        var host = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<UiDialogs>();
        var L = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var labels = new Dictionary<string, string> { ["Subject"] = "Subject", ["Body"] = "Text" };
        var asked = host.InvokeAsync(() => ConflictDialog.AskAsync(dialogs, L, Conflict, mine, labels, theirs));
        host.WaitForAssertion(() => host.Find("[data-testid=conflict-save-mine]"));
        return (host, asked);
    }

    [Fact]
    public void Shows_who_saved_when_and_each_differing_field_with_theirs_beside_mine()
    {
        var (host, _) = Ask(new Dictionary<string, string?> { ["Subject"] = "My subject", ["Body"] = "Stored body" });

        // 08:15 UTC is 10:15 in Vilnius in March.
        Assert.Equal("Saved by ona at 2026-03-02 10:15.", host.Find("[data-testid=conflict-who]").TextContent.Trim());
        var rows = host.FindAll("[data-testid=conflict-table] tbody tr");
        var row = Assert.Single(rows); // the body is the same on both sides
        Assert.Equal(["Subject", "Stored subject", "My subject"], row.Children.Select(c => c.TextContent).ToArray());
    }

    [Fact]
    public void The_forms_own_view_of_their_values_replaces_the_raw_stored_ones()
    {
        var (host, _) = Ask(new Dictionary<string, string?> { ["Subject"] = "Mine" }, new Dictionary<string, string?> { ["Subject"] = "Theirs as shown" });

        var row = Assert.Single(host.FindAll("[data-testid=conflict-table] tbody tr"));
        Assert.Equal(["Subject", "Theirs as shown", "Mine"], row.Children.Select(c => c.TextContent).ToArray());
    }

    [Theory]
    [InlineData("conflict-keep-theirs", ConflictChoice.KeepTheirs)]
    [InlineData("conflict-save-mine", ConflictChoice.SaveMine)]
    public async Task Each_button_answers_its_choice_and_closes_the_dialog(string button, ConflictChoice expected)
    {
        var (host, asked) = Ask(new Dictionary<string, string?> { ["Subject"] = "My subject" });

        await host.Find($"[data-testid={button}]").ClickAsync(new());

        Assert.Equal(expected, await asked.WaitAsync(TimeSpan.FromSeconds(10)));
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-testid=conflict-table]")));
    }
}

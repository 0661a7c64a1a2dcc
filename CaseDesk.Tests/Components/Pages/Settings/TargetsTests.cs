using Bunit;
using CaseDesk.App.Components.Pages.Settings;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using MudBlazor;
using static CaseDesk.Tests.Support.Eventually;
using static CaseDesk.Tests.Support.FieldMessages;

namespace CaseDesk.Tests.Components.Pages.Settings;

/// <summary>Commitment targets on the real domain: the defaults' origin in words, a new version with its messages at the fields.</summary>
public sealed class TargetsTests : DomainComponentTestContext
{
    private Caller head = default!;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected override async Task<Caller> ArrangeAsync() => head = await Database.CreateUserAsync("dalia", Roles.Head);

    private async Task<TargetVersion> EmailReply() => (await Database.Send(new GetTargets(), head)).InForce.Single(t => t.Kind == ClockKind.EmailReply);

    private IRenderedComponent<TargetForm> RenderForm(TargetVersion current)
    {
        var form = Render<TargetForm>(p => p.Add(f => f.Current, current));
        form.WaitForElement("input[name=Minutes]");
        return form;
    }

    [Fact]
    public void The_seeded_defaults_say_where_they_come_from_in_words_not_a_stand_in_date_and_system()
    {
        var page = Render<Targets>();
        page.WaitForElement("[data-testid=targets]", Patience);

        Assert.All(page.FindAll("[data-testid=target-origin]"), cell => Assert.Equal("Default value (from the start)", cell.TextContent.Trim()));
        var history = page.Find("[data-testid=target-history]").TextContent;
        Assert.DoesNotContain("2000-01-01", page.Markup);
        Assert.DoesNotContain("system", history);
        Assert.Contains("Set up with CaseDesk", history);
        Assert.NotNull(page.Find($"[data-testid=change-{ClockKind.EmailReply}]"));
        Assert.Empty(page.FindAll($"[data-testid=change-{ClockKind.Promise}]")); // a rule, not a number
    }

    [Fact]
    public async Task A_blank_form_shows_no_error_and_a_cleared_amount_is_required_at_its_field()
    {
        var form = RenderForm(await EmailReply());
        Assert.Empty(InvalidFields(form));
        Assert.Equal("8", form.Find("input[name=Minutes]").GetAttribute("value")); // one working day, in hours

        await form.Find("input[name=Minutes]").ChangeAsync(new() { Value = "" });
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Required.", At(form, "input[name=Minutes]")), Patience);
        Assert.Single((await Database.Send(new GetTargets(), head)).History, t => t.Kind == ClockKind.EmailReply);
    }

    [Fact]
    public async Task A_start_in_the_past_is_refused_at_the_date_because_history_is_never_rewritten()
    {
        var form = RenderForm(await EmailReply());

        await form.Find("input[name=EffectiveFromDate]").ChangeAsync(new() { Value = "2026-01-05" });
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("A new target takes effect now or later; history is never rewritten.",
            At(form, "input[name=EffectiveFromDate]")), Patience);
        Assert.Single((await Database.Send(new GetTargets(), head)).History, t => t.Kind == ClockKind.EmailReply);
    }

    [Fact]
    public async Task A_new_version_from_a_later_date_is_added_beside_the_old_one_which_stays_in_force_until_then()
    {
        var form = RenderForm(await EmailReply());

        await form.Find("input[name=Minutes]").ChangeAsync(new() { Value = "4" });
        await form.Find("input[name=EffectiveFromDate]").ChangeAsync(new() { Value = "2026-04-01" });
        await form.Find("input[name=EffectiveFromTime]").ChangeAsync(new() { Value = "00:00" });
        await form.Find("textarea[name=Note]").ChangeAsync(new() { Value = "Greičiau atsakome" });
        await form.Find("form").SubmitAsync();

        await WaitForAsync(async () =>
        {
            var targets = await Database.Send(new GetTargets(), head);
            var added = Assert.Single(targets.History, t => t.Kind == ClockKind.EmailReply && t.Minutes == 240);
            Assert.Equal((new DateTime(2026, 3, 31, 21, 0, 0), "Greičiau atsakome"), (added.EffectiveFromUtc, added.Note));
            Assert.Equal(480, targets.InForce.Single(t => t.Kind == ClockKind.EmailReply).Minutes);
        });
    }
}

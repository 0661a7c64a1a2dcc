using Bunit;
using CaseDesk.App.Components.Pages.Settings;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using MudBlazor;
using static CaseDesk.Tests.Support.Eventually;
using static CaseDesk.Tests.Support.FieldMessages;

namespace CaseDesk.Tests.Components.Pages.Settings;

/// <summary>The working calendar on the real domain: the week's hours in one form and one save, closures asked about before removal.</summary>
public sealed class WorkingCalendarPageTests : DomainComponentTestContext
{
    private Caller head = default!;

    // The domain runs on SQLite under a busy machine: a save can take longer than bUnit's default second.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected override async Task<Caller> ArrangeAsync() => head = await Database.CreateUserAsync("dalia", Roles.Head);

    private IRenderedComponent<WorkingCalendarPage> Open()
    {
        var page = Render<WorkingCalendarPage>();
        page.WaitForElement("input[name='Monday.Opens']", Patience);
        return page;
    }

    private Task<IReadOnlyList<OfficeDayRow>> StoredHours() =>
        Database.Send(new GetWorkingCalendar(2026), head).ContinueWith(t => t.Result.Hours);

    [Fact]
    public async Task The_whole_week_is_one_form_with_one_save_that_stores_every_changed_day()
    {
        var page = Open();
        Assert.Single(page.FindAll("button[type=submit][data-testid=save-hours]"));
        Assert.Equal(7, page.FindAll("input[name$='.Opens']").Count);
        Assert.Empty(InvalidFields(page));

        await page.Find("input[name='Monday.Opens']").ChangeAsync(new() { Value = "09:00" });
        await page.Find("input[name='Friday.Closes']").ChangeAsync(new() { Value = "13:00" });
        await page.Find("input[name='Saturday.Opens']").ChangeAsync(new() { Value = "10:00" });
        await page.Find("input[name='Saturday.Closes']").ChangeAsync(new() { Value = "12:00" });
        await page.Find("form[data-testid=office-hours]").SubmitAsync();

        await WaitForAsync(async () =>
        {
            var stored = (await StoredHours()).ToDictionary(d => d.Day);
            Assert.Equal(new TimeOnly(9, 0), stored[DayOfWeek.Monday].Opens);
            Assert.Equal(new TimeOnly(13, 0), stored[DayOfWeek.Friday].Closes);
            Assert.Equal((new TimeOnly(10, 0), new TimeOnly(12, 0)), (stored[DayOfWeek.Saturday].Opens, stored[DayOfWeek.Saturday].Closes));
        });
    }

    [Fact]
    public async Task A_day_that_closes_before_it_opens_is_refused_at_that_days_field_and_no_day_is_saved()
    {
        var before = await StoredHours();
        var page = Open();

        await page.Find("input[name='Monday.Opens']").ChangeAsync(new() { Value = "09:00" });
        await page.Find("input[name='Tuesday.Closes']").ChangeAsync(new() { Value = "07:00" });
        await page.Find("form[data-testid=office-hours]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("The office must close after it opens (or leave both empty for a closed day).",
            At(page, "input[name='Tuesday.Closes']")), Patience);
        Assert.Equal(["Tuesday.Closes"], InvalidFields(page));
        Assert.Equal(before, await StoredHours());
    }

    [Fact]
    public async Task Adding_a_closure_without_a_reason_says_so_at_the_reason_and_with_one_adds_it()
    {
        var page = Open();

        await page.Find("input[name=Date]").ChangeAsync(new() { Value = "2026-03-16" });
        await page.Find("form[data-testid=closure-form]").SubmitAsync();
        page.WaitForAssertion(() => Assert.Equal("Say why the office is closed.", At(page, "input[name=Reason]")), Patience);
        Assert.Empty((await Database.Send(new GetWorkingCalendar(2026), head)).Closures);

        await page.Find("input[name=Reason]").ChangeAsync(new() { Value = "Persikraustymas" });
        await page.Find("form[data-testid=closure-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Persikraustymas", page.Find("[data-testid=closures]").TextContent), Patience);
        Assert.Equal([new ClosureRow(new DateOnly(2026, 3, 16), "Persikraustymas")], (await Database.Send(new GetWorkingCalendar(2026), head)).Closures);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Removing_a_closure_asks_first_and_only_a_yes_removes_it(bool confirm)
    {
        await Database.Send(new AddClosure(new DateOnly(2026, 3, 16), "Persikraustymas"), head);
        var dialogs = Render<MudDialogProvider>();
        var page = Open();

        var removing = page.Find("[data-testid=remove-closure]").ClickAsync(new()); // waits on the question
        dialogs.WaitForAssertion(() => Assert.Contains("2026-03-16 (Persikraustymas)", dialogs.Find("[role=dialog]").TextContent), Patience);
        var answer = dialogs.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == (confirm ? "Remove" : "Cancel"));
        await answer.ClickAsync(new());
        await removing.WaitAsync(TimeSpan.FromSeconds(15));

        await WaitForAsync(async () => Assert.Equal(confirm ? 0 : 1, (await Database.Send(new GetWorkingCalendar(2026), head)).Closures.Count));
    }
}

/// <summary>A quality officer reads the calendar but changes nothing (the request layer refuses it anyway).</summary>
public sealed class WorkingCalendarReadOnlyTests : DomainComponentTestContext
{
    protected override Task<Caller> ArrangeAsync() => Database.CreateUserAsync("vida", Roles.QualityOfficer);

    [Fact]
    public void The_hours_are_shown_read_only_without_save_or_closure_form()
    {
        var page = Render<WorkingCalendarPage>();
        page.WaitForElement("input[name='Monday.Opens']", TimeSpan.FromSeconds(10));

        Assert.All(page.FindAll("input[name$='.Opens'], input[name$='.Closes']"), input => Assert.True(input.HasAttribute("disabled")));
        Assert.Empty(page.FindAll("[data-testid=save-hours]"));
        Assert.Empty(page.FindAll("[data-testid=closure-form]"));
        Assert.Contains("Lietuvos valstybės atkūrimo diena", page.Find("[data-testid=holidays]").TextContent);
    }
}

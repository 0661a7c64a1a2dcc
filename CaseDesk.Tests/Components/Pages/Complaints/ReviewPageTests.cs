using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;
using MudBlazor;
using static CaseDesk.Tests.Support.FieldMessages;

namespace CaseDesk.Tests.Components.Pages.Complaints;

/// <summary>The yearly review of the standard (12.3) on the real domain: the domain's messages at the fields, and telling the staff asks first.</summary>
public sealed class ReviewPageTests : DomainComponentTestContext
{
    private Caller officer = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        officer = await Database.CreateUserAsync("darius", Roles.QualityOfficer);
        return officer;
    }

    private IRenderedComponent<ReviewPage> Open()
    {
        var page = Render<ReviewPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=review-form]")));
        return page;
    }

    [Fact]
    public async Task A_review_without_findings_or_decisions_says_so_at_those_fields()
    {
        var page = Open();
        Assert.Empty(InvalidFields(page));

        await page.Find("[data-testid=review-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Write what the review found.", At(page, "textarea[name=Findings]")));
        Assert.Equal("Write what was decided.", At(page, "textarea[name=Decisions]"));
        Assert.Empty(await Database.Send(new ListStandardReviews(), officer));
    }

    [Fact]
    public async Task A_review_dated_in_the_future_says_so_at_its_date()
    {
        var page = Open();
        page.Find("input[name=ReviewDate]").Change("2026-12-31");
        await page.Find("textarea[name=Findings]").ChangeAsync(new() { Value = "Vėlavimai" });
        await page.Find("textarea[name=Decisions]").ChangeAsync(new() { Value = "Peržiūrėti tvarką" });

        await page.Find("[data-testid=review-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("The review date cannot be in the future.", At(page, "input[name=ReviewDate]")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Telling_the_staff_is_recorded_only_after_a_yes(bool confirm)
    {
        await Database.Send(new RecordStandardReview(new DateOnly(2026, 3, 1), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            "Vėlavimai", "Peržiūrėti tvarką", null), officer);
        var dialogs = Render<MudDialogProvider>();
        var page = Open();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=informed-form]")));
        await page.Find("[data-testid=informed-form] input[name=How]").ChangeAsync(new() { Value = "Pasitarime" });

        var saving = page.Find("[data-testid=informed-form]").SubmitAsync(); // waits on the question
        dialogs.WaitForAssertion(() => Assert.Contains("cannot be changed later", dialogs.Find("[role=dialog]").TextContent));
        var answer = dialogs.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == (confirm ? "Staff informed" : "Cancel"));
        await answer.ClickAsync(new());
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        await Eventually.WaitForAsync(async () => Assert.Equal(confirm ? "Pasitarime" : null,
            Assert.Single(await Database.Send(new ListStandardReviews(), officer)).StaffInformedHow));
    }

    [Fact]
    public async Task Noting_an_employee_without_choosing_one_says_so_at_the_employee()
    {
        var page = Open();
        await page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Employees noted").ClickAsync(new());

        await page.Find("[data-testid=commendation-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Choose the employee.", Around(page, "[data-testid=commendation-form] input[name=EmployeeUserId]")));
        Assert.Equal("Say how the employee's work exceeded the standard.", At(page, "textarea[name=Reason]"));
    }
}

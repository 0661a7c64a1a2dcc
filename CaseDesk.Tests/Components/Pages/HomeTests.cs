using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Pages;
using CaseDesk.App.Services;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages;

public sealed class HomeTests : ComponentTestContext
{
    private static readonly MyProfile Asta = new("u-asta", "asta", "Asta", "Petrauskienė", "Socialinė darbuotoja", null, null, "lt");

    private readonly FakeCaseDeskSender sender = new();
    private readonly FakeClock clock = new();

    public HomeTests()
    {
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Authorization.SetAuthorized("asta").SetRoles(Roles.Caseworker)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-asta"));
    }

    [Fact]
    public void With_nothing_due_it_greets_the_user_and_shows_the_empty_state()
    {
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>([]);

        var home = Render<Home>();

        Assert.Equal("Hello, Asta.", home.Find("[data-testid=greeting]").TextContent);
        var empty = home.Find("[data-testid=my-work-empty]");
        Assert.Contains("You have no open work right now.", empty.TextContent);
        Assert.Empty(home.FindAll("[aria-label=Loading]"));
        Assert.Empty(home.FindAll("[data-testid=work-item]"));
    }

    [Fact]
    public void It_shows_loading_until_the_profile_arrives()
    {
        var profile = new TaskCompletionSource<MyProfile>();
        sender.Answer<GetMyProfile, MyProfile>((_, _) => profile.Task).Answer<GetMyWork, IReadOnlyList<WorkItem>>([]);

        var home = Render<Home>();

        Assert.Equal("progressbar", home.Find("[aria-label=Loading]").GetAttribute("role"));
        Assert.Empty(home.FindAll("[data-testid=my-work-empty]"));

        profile.SetResult(Asta);

        home.WaitForElement("[data-testid=my-work-empty]", TimeSpan.FromSeconds(10));
        Assert.Empty(home.FindAll("[aria-label=Loading]"));
    }

    [Fact]
    public void It_asks_for_the_profile_and_the_work_as_the_signed_in_user()
    {
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>([]);

        var home = Render<Home>();
        home.WaitForElement("[data-testid=my-work-empty]");

        Assert.Equal([typeof(GetMyProfile), typeof(GetMyWork)], sender.Sent.Select(s => s.Request.GetType()));
        Assert.All(sender.Sent, s => Assert.Equal(("u-asta", "asta"), (s.Caller.UserId, s.Caller.UserName)));
        Assert.Equal([Roles.Caseworker], sender.Sent[0].Caller.Roles);
    }

    [Fact]
    public void Items_are_listed_as_the_domain_orders_them_with_Vilnius_due_times_and_their_clock_status()
    {
        var now = clock.UtcDateTime;
        var clientId = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>(
        [
            new(WorkKind.CallBack, Guid.NewGuid(), "Ona Jonaitienė · +370 612 34567", "Prašo paskambinti", clientId, null, now.AddHours(-2), ClockStatus.Breached),
            new(WorkKind.EmailReply, Guid.NewGuid(), "Pagalba į namus", "ona@example.lt", clientId, caseId, now.AddHours(3), ClockStatus.AtRisk),
            new(WorkKind.Promise, Guid.NewGuid(), "Atsiųsti prašymo formą", null, clientId, caseId, now.AddDays(2), ClockStatus.OnTrack),
        ]);

        var home = Render<Home>();
        var items = home.WaitForElements("[data-testid=work-item]");

        Assert.Equal(["CallBack", "EmailReply", "Promise"], items.Select(i => i.GetAttribute("data-kind")));
        Assert.Equal(["Call back", "Answer an e-mail", "Keep a promise"], items.Select(i => i.QuerySelector("[data-testid=work-kind]")!.TextContent));
        // The clock stands at 2026-03-02 08:30 UTC = 10:30 in Vilnius (winter time, UTC+2).
        Assert.Equal(["2026-03-02 08:30", "2026-03-02 13:30", "2026-03-04 10:30"], items.Select(i => i.QuerySelector("[data-testid=work-due]")!.TextContent));
        // The status is the domain's (the item's clock), shown as a word with an icon; only the breached one is marked overdue.
        Assert.Equal(["Breached", "AtRisk", "OnTrack"], items.Select(i => i.QuerySelector("[data-testid=work-status]")!.GetAttribute("data-status")));
        Assert.Equal(["Breached", "At risk", "On track"], items.Select(i => i.QuerySelector("[data-testid=work-status]")!.TextContent.Trim()));
        Assert.Equal([true, false, false], items.Select(i => i.ClassList.Contains("overdue-item")));
        Assert.Contains("1 overdue.", home.Find("[data-testid=my-work-count]").TextContent);
        Assert.Contains("1 at risk.", home.Find("[data-testid=my-work-count]").TextContent);
        Assert.NotNull(items[0].QuerySelector("[data-testid=open-call-back]"));
        Assert.NotNull(items[1].QuerySelector("[data-testid=open-email-reply]"));
        Assert.All(items, i => Assert.NotNull(i.QuerySelector("[data-testid=work-status] svg")));
        Assert.Equal($"clients/{clientId}", items[0].QuerySelector("[data-testid=work-client]")!.GetAttribute("href"));
        Assert.Null(items[0].QuerySelector("[data-testid=work-case]"));
        Assert.Equal($"cases/{caseId}", items[2].QuerySelector("[data-testid=work-case]")!.GetAttribute("href"));
        Assert.Empty(home.FindAll("[data-testid=my-work-empty]"));
    }

    [Fact]
    public void A_corrective_action_shows_its_deadline_as_due_overdue_once_past_and_links_to_its_complaint()
    {
        var now = clock.UtcDateTime;
        var complaintId = Guid.NewGuid();
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>(
        [
            new(WorkKind.CorrectiveAction, Guid.NewGuid(), "Pranešimus perduoti raštu sistemoje", "SK-2026-0007", null, null, now.AddHours(-1),
                ClockStatus.Breached, complaintId),
        ]);

        var home = Render<Home>();
        var item = home.WaitForElement("[data-testid=work-item]");

        Assert.Equal("CorrectiveAction", item.GetAttribute("data-kind"));
        Assert.Equal("Carry out an action", item.QuerySelector("[data-testid=work-kind]")!.TextContent);
        Assert.Equal("Pranešimus perduoti raštu sistemoje", item.QuerySelector("[data-testid=work-title]")!.TextContent);
        Assert.Equal("2026-03-02 09:30", item.QuerySelector("[data-testid=work-due]")!.TextContent);
        Assert.True(item.ClassList.Contains("overdue-item"));
        Assert.Equal("Breached", item.QuerySelector("[data-testid=work-status]")!.GetAttribute("data-status"));
        Assert.Equal($"complaints/{complaintId}", item.QuerySelector("[data-testid=work-complaint]")!.GetAttribute("href"));
        Assert.NotNull(item.QuerySelector("[data-testid=open-complaint]"));
        Assert.Contains("1 overdue.", home.Find("[data-testid=my-work-count]").TextContent);
    }

    [Fact]
    public void The_list_reads_as_overdue_then_due_today_then_later_with_the_overdue_heading_in_words()
    {
        var now = clock.UtcDateTime; // 10:30 in Vilnius
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>(
        [
            new(WorkKind.CaseDue, Guid.NewGuid(), "A-2026-0001 · Pagalba į namus", null, null, null, now.AddHours(-30), ClockStatus.Breached),
            new(WorkKind.Promise, Guid.NewGuid(), "Paskambinti dėl sprendimo", null, null, null, now.AddHours(5), ClockStatus.AtRisk),
            new(WorkKind.Letter, Guid.NewGuid(), "Informacinis raštas", null, null, null, now.AddDays(3), ClockStatus.OnTrack),
            new(WorkKind.Visit, Guid.NewGuid(), "Vizitas", null, null, null, now.AddDays(4), ClockStatus.OnTrack),
        ]);

        var home = Render<Home>();
        home.WaitForElements("[data-testid=work-item]");

        string[] Titles(string section) =>
            home.FindAll($"[data-testid=work-section-{section}] [data-testid=work-title]").Select(t => t.TextContent).ToArray();
        Assert.Equal(["A-2026-0001 · Pagalba į namus"], Titles("overdue"));
        Assert.Equal(["Paskambinti dėl sprendimo"], Titles("today"));
        Assert.Equal(["Informacinis raštas", "Vizitas"], Titles("later"));
        var overdueHeading = home.Find("[data-testid=work-section-overdue] h2");
        Assert.Equal("Overdue (1)", overdueHeading.TextContent.Trim());
        Assert.NotNull(home.Find("[data-testid=work-section-overdue]").QuerySelector("svg"));
        Assert.Equal("1 overdue.", home.Find("[data-testid=my-work-overdue]").TextContent.Trim());
        Assert.NotNull(home.Find("[data-testid=my-work-overdue] svg"));
    }

    [Fact]
    public void Only_sections_with_work_show_and_an_item_without_detail_or_links_shows_no_empty_lines()
    {
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>(
        [
            new(WorkKind.Promise, Guid.NewGuid(), "Atsiųsti prašymo formą", "", null, null, clock.UtcDateTime.AddDays(2), ClockStatus.OnTrack),
        ]);

        var home = Render<Home>();
        var item = home.WaitForElement("[data-testid=work-item]");

        Assert.Empty(home.FindAll("[data-testid=work-section-overdue]"));
        Assert.Empty(home.FindAll("[data-testid=work-section-today]"));
        Assert.Single(home.FindAll("[data-testid=work-section-later]"));
        Assert.Null(item.QuerySelector("[data-testid=work-detail]"));
        Assert.Empty(home.FindAll("[data-testid=my-work-overdue]"));
    }

    [Fact]
    public void In_lithuanian_the_page_reads_in_lithuanian_only()
    {
        using var lt = UiCulture.Use("lt");
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>(
        [
            new(WorkKind.CallBack, Guid.NewGuid(), "Ona Jonaitienė · +370 612 34567", "Prašo paskambinti", null, null, clock.UtcDateTime.AddHours(-2), ClockStatus.Breached),
        ]);

        var home = Render<Home>();
        var item = home.WaitForElement("[data-testid=work-item]");

        Assert.Equal("Sveiki, Asta.", home.Find("[data-testid=greeting]").TextContent);
        Assert.Equal("Vėluoja (1)", home.Find("[data-testid=work-section-overdue] h2").TextContent.Trim());
        Assert.Equal("Pažeista", item.QuerySelector("[data-testid=work-status]")!.TextContent.Trim());
        Assert.Equal("Atidaryti žinutę", item.QuerySelector("[data-testid=open-call-back]")!.TextContent.Trim());
        Assert.DoesNotMatch(@"\b(Ok|Empty|system|Due|Overdue|Client|Case)\b", string.Concat(home.Nodes.Select(n => n.TextContent)));
    }

    private static TargetsOverview Targets(bool reviewDue) => new([], [], reviewDue ? null : new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc), null, reviewDue);

    [Theory]
    [InlineData(Roles.Head)]
    [InlineData(Roles.Admin)]
    public void A_head_or_admin_is_reminded_of_the_yearly_targets_review_with_a_link_to_the_targets(string role)
    {
        Authorization.SetRoles(role);
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>([]).Answer<GetTargets, TargetsOverview>(Targets(reviewDue: true));

        var home = Render<Home>();

        var alert = home.WaitForElement("[data-testid=targets-review-due]");
        Assert.Contains("The commitment targets are due for their yearly review (12.3).", alert.TextContent);
        Assert.Equal("settings/targets", alert.QuerySelector("[data-testid=targets-review-link]")!.GetAttribute("href"));
        Assert.Equal([typeof(GetMyProfile), typeof(GetMyWork), typeof(GetTargets)], sender.Sent.Select(s => s.Request.GetType()));
    }

    [Fact]
    public void A_head_sees_no_reminder_while_the_last_review_is_less_than_a_year_old()
    {
        Authorization.SetRoles(Roles.Head);
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>([]).Answer<GetTargets, TargetsOverview>(Targets(reviewDue: false));

        var home = Render<Home>();
        home.WaitForElement("[data-testid=my-work-empty]");

        home.WaitForAssertion(() => Assert.Contains(sender.Sent, s => s.Request is GetTargets));
        Assert.Empty(home.FindAll("[data-testid=targets-review-due]"));
    }

    [Fact]
    public void A_caseworker_is_not_asked_about_the_targets_review()
    {
        sender.Answer<GetMyProfile, MyProfile>(Asta).Answer<GetMyWork, IReadOnlyList<WorkItem>>([]);

        var home = Render<Home>();
        home.WaitForElement("[data-testid=my-work-empty]");

        Assert.DoesNotContain(sender.Sent, s => s.Request is GetTargets);
        Assert.Empty(home.FindAll("[data-testid=targets-review-due]"));
    }
}

using MudBlazor.Services;
using System.Security.Claims;
using Bunit;
using CaseDesk.App;
using CaseDesk.App.Components.Pages.Visits;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CaseDesk.Tests.Components.Pages.Visits;

/// <summary>The signed-in user the components send as: a fixed principal, like a circuit's.</summary>
internal sealed class SignedIn(Caller caller) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, caller.UserId), new Claim(ClaimTypes.Name, caller.UserName),
             .. caller.Roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"))));
}

/// <summary>The visit forms against the real domain (a temp SQLite file): the messages shown are the domain's own.</summary>
public sealed class VisitFormTests : IAsyncLifetime
{
    private readonly BunitContext ui = new();
    private readonly UiCulture culture = UiCulture.Use("en");
    private TestDatabase database = default!;
    private Caller caseworker = default!;
    private SeededCase @case = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        caseworker = await database.CreateUserAsync("asta", Roles.Caseworker);
        @case = await CaseworkSeed.CaseAsync(database, caseworker, meetWithTwoEmployees: true);

        ui.JSInterop.Mode = JSRuntimeMode.Loose;
        ui.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        ui.Services.AddRadzenComponents();
        ui.Services.AddMudServices();
        ui.Services.AddScoped<UiDialogs>();
        ui.Services.AddSingleton(new InputLimits(database.Services.GetRequiredService<IServiceScopeFactory>()));
        ui.Services.AddSingleton(database.Services.GetRequiredService<ICaseDeskSender>());
        ui.Services.AddSingleton<TimeProvider>(database.Clock);
        ui.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(caseworker));
        ui.Services.AddScoped<UiSender>();
        ui.Services.AddScoped<UiFeedback>();
    }

    public async Task DisposeAsync()
    {
        await ui.DisposeAsync();
        await database.DisposeAsync();
        culture.Dispose();
    }

    [Fact]
    public async Task Offering_without_a_purpose_shows_the_domains_message_at_the_purpose_field_and_offers_nothing()
    {
        var form = ui.Render<OfferVisitForm>(p => p.Add(f => f.CaseId, @case.CaseId));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Say what the visit is for.", form.Find(".validation-message").TextContent));
        Assert.Equal(0, await database.ReadAsync(db => db.HomeVisits.CountAsync()));
    }

    [Fact]
    public async Task With_a_purpose_the_visit_is_offered_and_the_field_message_is_gone()
    {
        var form = ui.Render<OfferVisitForm>(p => p.Add(f => f.CaseId, @case.CaseId));
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => Assert.Single(form.FindAll(".validation-message")));

        await form.Find("textarea[name=Purpose]").ChangeAsync(new() { Value = "Buities sąlygų įvertinimas" });
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Empty(form.FindAll(".validation-message")));
        var visit = await database.ReadAsync(db => db.HomeVisits.AsNoTracking().SingleAsync());
        Assert.Equal(("Buities sąlygų įvertinimas", VisitStatus.Offered, caseworker.UserId), (visit.Purpose, visit.Status, visit.CaseworkerUserId));
    }

    [Fact]
    public async Task The_agree_form_shows_the_two_employee_flag_and_shows_the_refusal_when_no_second_employee_is_chosen()
    {
        var visitId = await database.Send(new OfferVisit(@case.CaseId, "Vizitas", false), caseworker);
        var visit = await database.Send(new GetVisit(visitId), caseworker);
        var notifications = ui.Services.GetRequiredService<NotificationService>();
        var form = ui.Render<AgreeVisitForm>(p => p.Add(f => f.Visit, visit));

        Assert.Contains("two employees", form.Find("[data-testid=safety-flag]").TextContent);
        Assert.Contains("Second employee (required)", form.Markup);
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains(notifications.Messages,
            m => m.Detail == "Choose a second employee, because this client is to be met by two employees (standard 9.6)."));
        Assert.Equal(VisitStatus.Offered, (await database.Send(new GetVisit(visitId), caseworker)).Status);
    }
}

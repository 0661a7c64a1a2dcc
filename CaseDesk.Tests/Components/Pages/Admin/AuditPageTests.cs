using Bunit;
using CaseDesk.App.Components.Pages.Admin;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Admin;

/// <summary>
/// Issue 16: the audit log screen shows who (name and role), what (the action's name), to which record (its human reference),
/// with details folded per row; its filters go to the query and to the CSV link; opening it is itself audited.
/// </summary>
public sealed class AuditPageTests : DomainComponentTestContext
{
    private Caller officer = default!;
    private Caller reception = default!;
    private Caller asta = default!;
    private Guid client;

    protected override async Task<Caller> ArrangeAsync()
    {
        reception = await Database.CreateUserAsync("registratore", Roles.Reception);
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        officer = await Database.CreateUserAsync("darius", Roles.QualityOfficer);
        await Database.PlaceInUnitAsync(asta, Casework.SocialServices);
        client = await Database.RegisterAsync(reception, "Ona", "Kazlauskienė");
        await Database.OpenCaseAsync(reception, client, asta.UserId);
        await Database.Send(new NotifyBreaches(), Caller.System);
        return officer;
    }

    private IRenderedComponent<Audit> Open()
    {
        Render<MudPopoverProvider>();
        var page = Render<Audit>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=audit-person]")));
        return page;
    }

    [Fact]
    public void A_row_reads_as_person_and_role_action_name_and_the_clients_name_without_ids_and_its_details_open_on_request()
    {
        var page = Open();

        var grid = page.Find("[data-testid=audit-grid] tbody").TextContent;
        Assert.Contains("registratore Tester", grid);
        Assert.Contains("Reception", grid);
        Assert.Contains("Register a client", grid);
        Assert.Contains("Open a new case", grid);
        Assert.Contains("Ona Kazlauskienė", grid);
        Assert.Contains("System (automatic job)", grid);
        Assert.DoesNotContain(client.ToString(), grid);
        Assert.DoesNotContain(nameof(Domain.Clients.RegisterClient), grid);
        Assert.Empty(page.FindAll("[data-testid=audit-details]"));

        var toggles = page.FindAll("[data-testid=audit-details-toggle]");
        var registration = toggles[^1]; // newest first: the registration is the oldest row
        Assert.Equal("false", registration.GetAttribute("aria-expanded"));
        registration.Click();

        page.WaitForAssertion(() => Assert.Contains("Client: Ona Kazlauskienė – created", page.Find("[data-testid=audit-details]").TextContent));
        Assert.Equal("true", page.FindAll("[data-testid=audit-details-toggle]")[^1].GetAttribute("aria-expanded"));
    }

    [Fact]
    public void The_officer_opens_the_client_from_the_record_column()
    {
        var page = Open();

        var links = page.FindAll("[data-testid=audit-record-ref] a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains($"clients/{client}", links);
    }

    [Fact]
    public void The_person_filter_finds_by_full_name_and_goes_into_the_csv_link()
    {
        var page = Open();

        page.Find("input[data-testid=audit-user]").Input("Registratore Tes");

        page.WaitForAssertion(() =>
        {
            var people = page.FindAll("[data-testid=audit-person]").Select(p => p.TextContent).ToList();
            Assert.Equal(2, people.Count); // the registration and the case opened
            Assert.All(people, p => Assert.Contains("registratore Tester", p));
        }, TimeSpan.FromSeconds(5));
        Assert.EndsWith("admin/audit.csv?user=Registratore%20Tes", page.Find("[data-testid=audit-csv]").GetAttribute("href"));
    }

    [Fact]
    public void An_empty_result_says_so()
    {
        var page = Open();

        page.Find("input[data-testid=audit-record]").Input("Nėra Tokio");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=no-audit-entries]")), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Opening_the_log_is_audited_as_a_read_of_the_clients_it_named()
    {
        Open();

        var own = (await Database.AuditEntriesAsync()).Last(a => a.Action == nameof(ListAuditEntries));

        Assert.Equal((AuditKind.Read, officer.UserId), (own.Kind, own.UserId));
        Assert.Contains(client.ToString(), own.Fields);
    }
}

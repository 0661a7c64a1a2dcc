using Bunit;
using CaseDesk.App.Components.Pages.Clients;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Clients;

/// <summary>The register/edit client form on the real domain: its messages at the fields, its limits, the possible-duplicates step.</summary>
public sealed class ClientFormTests : DomainComponentTestContext
{
    private Caller reception = default!;

    protected override async Task<Caller> ArrangeAsync() => reception = await Database.CreateUserAsync("rasa", Roles.Reception);

    private IRenderedComponent<ClientForm> RenderForm(ClientDetails? existing = null)
    {
        var form = Render<ClientForm>(p => p.Add(f => f.Existing, existing));
        form.WaitForAssertion(() => form.Find("[data-testid=client-groups] input[type=checkbox]"), Patience);
        return form;
    }

    /// <summary>The message the field's input is described by (MudBlazor links the two), i.e. the one shown at the field.</summary>
    private static string? MessageAt(IRenderedComponent<ClientForm> form, string name)
    {
        var input = form.Find($"[name='{name}']");
        var id = input.GetAttribute("aria-describedby");
        return input.GetAttribute("aria-invalid") == "true" && id is not null ? form.Find($"[id='{id}']").TextContent.Trim() : null;
    }

    // The domain runs on SQLite under a busy machine: a save can take longer than bUnit's default second.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    private Task<int> ClientCount() => Database.ReadAsync(db => db.Clients.CountAsync());

    [Fact]
    public async Task A_blank_form_shows_no_error_and_saving_it_puts_the_domains_messages_at_the_name_fields()
    {
        var form = RenderForm();
        Assert.Empty(form.FindAll("[aria-invalid=true]"));
        var start = Uri;

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Enter the first name.", MessageAt(form, "FirstName")), Patience);
        Assert.Equal("Enter the last name.", MessageAt(form, "LastName"));
        Assert.Null(MessageAt(form, "Phone"));
        Assert.Equal(start, Uri);
        Assert.Equal(0, await ClientCount());
    }

    [Fact]
    public async Task Each_rule_of_the_domain_shows_at_its_own_field()
    {
        var form = RenderForm();
        form.Find("input[name=FirstName]").Change("Ona");
        form.Find("input[name=LastName]").Change("Jonaitienė");
        form.Find("input[name=PersonalCode]").Change("12345");
        form.Find("input[name=Phone]").Change("call me");
        form.Find("input[name=Email]").Change("ona at home");
        var language = form.FindComponent<MudSelect<ClientLanguage>>();
        await language.InvokeAsync(() => language.Instance.ValueChanged.InvokeAsync(ClientLanguage.Other));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("A personal code has 11 digits and a valid check digit.", MessageAt(form, "PersonalCode")), Patience);
        Assert.Equal("Enter a phone number, e.g. +370 612 34567.", MessageAt(form, "Phone"));
        Assert.Equal("This is not an e-mail address.", MessageAt(form, "Email"));
        Assert.Equal("Say which language the client speaks.", MessageAt(form, "LanguageNote"));
        Assert.Null(MessageAt(form, "FirstName"));
        Assert.Equal(0, await ClientCount());
    }

    [Fact]
    public void The_browser_limits_are_the_domains_and_the_required_fields_are_marked()
    {
        var form = RenderForm();

        Assert.Equal("100", form.Find("input[name=FirstName]").GetAttribute("maxlength"));
        Assert.Equal("40", form.Find("input[name=Phone]").GetAttribute("maxlength"));
        Assert.Equal("300", form.Find("input[name=Address]").GetAttribute("maxlength"));
        Assert.Equal("1000", form.Find("textarea[name=AccessibilityNeeds]").GetAttribute("maxlength"));
        Assert.True(form.Find("input[name=FirstName]").HasAttribute("required"));
        Assert.True(form.Find("input[name=LastName]").HasAttribute("required"));
        Assert.False(form.Find("input[name=Phone]").HasAttribute("required"));

        form.Find("[data-testid=add-household-member]").Click();
        Assert.Equal("200", form.Find("input[name='Household[0].Name']").GetAttribute("maxlength"));
        Assert.Equal("100", form.Find("input[name='Household[0].Relation']").GetAttribute("maxlength"));
    }

    [Fact]
    public async Task A_household_member_without_a_name_is_refused_with_the_domains_message()
    {
        var form = RenderForm();
        form.Find("input[name=FirstName]").Change("Ona");
        form.Find("input[name=LastName]").Change("Jonaitienė");
        // The names typed start the duplicate check, which re-renders the form: find and click in one step on the renderer.
        await form.InvokeAsync(() => form.Find("[data-testid=add-household-member]").Click());

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("Enter the household member's name.", form.Find("[data-testid=form-errors]").TextContent), Patience);
        Assert.Equal(0, await ClientCount());
    }

    [Fact]
    public async Task A_possible_duplicate_stops_the_save_beside_the_buttons_and_the_confirmed_save_registers()
    {
        var existing = await Database.Send(new RegisterClient("Jonas", "Petraitis", null, null, "+370 612 34567", null, null, [],
            ClientLanguage.Lithuanian, null, null, false, null, []), reception);
        var form = RenderForm();
        form.Find("input[name=FirstName]").Change("Jonas");
        form.Find("input[name=LastName]").Change("Petraitis");
        form.Find("input[name=Phone]").Change("+370 612 34567");

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => form.Find("[data-testid=duplicates-stopped]"), Patience);
        var panel = form.Find("[data-testid=duplicates]");
        Assert.Contains("Jonas Petraitis", panel.TextContent);
        Assert.Contains("Same name and phone", panel.TextContent);
        Assert.Equal($"clients/{existing}", panel.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(1, await ClientCount());

        form.Find("[data-testid=duplicates] input[name=ConfirmedNotDuplicate]").Change(true);
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Matches(@"/clients/[0-9a-f-]{36}$", Uri), Patience);
        Assert.DoesNotContain(existing.ToString(), Uri);
        Assert.Equal(2, await ClientCount());
    }

    [Fact]
    public async Task A_personal_code_already_registered_is_refused_at_the_personal_code_field()
    {
        var code = "3720304117";
        code += PersonalCode.CheckDigit(code);
        await Database.Send(new RegisterClient("Kazimiera", "Šimkūnaitė", code, null, null, null, null, [],
            ClientLanguage.Lithuanian, null, null, false, null, []), reception);
        var form = RenderForm();
        form.Find("input[name=FirstName]").Change("Kazė");
        form.Find("input[name=LastName]").Change("Kitokia");
        form.Find("input[name=PersonalCode]").Change(code);

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("A client with this personal code is already registered: Kazimiera Šimkūnaitė.", MessageAt(form, "PersonalCode")), Patience);
        Assert.Equal(1, await ClientCount());
    }

    [Fact]
    public async Task Editing_a_client_someone_else_just_saved_asks_and_saving_mine_keeps_mine()
    {
        var id = await Database.Send(new RegisterClient("Ona", "Jonaitienė", null, null, "+370 612 11111", null, "Pulko g. 1", [],
            ClientLanguage.Lithuanian, null, null, false, null, []), reception);
        var stale = await Database.Send(new GetClient(id, null), reception);
        await Database.Send(new UpdateClient(id, stale.Version, "Ona", "Jonaitienė", null, null, "+370 612 22222", null, "Pulko g. 1", [],
            ClientLanguage.Lithuanian, null, null, false, null, []), reception);
        var host = Render<MudDialogProvider>();
        var form = RenderForm(stale);
        form.Find("input[name=Address]").Change("Sodų g. 5");

        var saving = form.Find("form").SubmitAsync(); // the save waits for the answer in the dialog

        host.WaitForAssertion(() => host.Find("[data-testid=conflict-save-mine]"), Patience);
        Assert.Contains("+370 612 22222", host.Find("[data-testid=conflict-table]").TextContent);
        await host.Find("[data-testid=conflict-save-mine]").ClickAsync(new());
        await saving.WaitAsync(Patience);
        form.WaitForAssertion(() => Assert.EndsWith($"clients/{id}", Uri), Patience);
        var stored = await Database.Send(new GetClient(id, null), reception);
        Assert.Equal(("Sodų g. 5", "+370 612 11111"), (stored.Address, stored.Phone));
    }
}

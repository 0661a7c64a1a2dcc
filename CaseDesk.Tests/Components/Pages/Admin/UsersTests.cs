using Bunit;
using CaseDesk.App.Components.Pages.Admin;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using static CaseDesk.Tests.Support.FieldMessages;

namespace CaseDesk.Tests.Components.Pages.Admin;

/// <summary>Users and roles on the real domain: the searchable grid, the new-user form's messages at its fields, the roles form's refusal.</summary>
public sealed class UsersTests : DomainComponentTestContext
{
    private Caller admin = default!;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected override async Task<Caller> ArrangeAsync()
    {
        admin = await Database.CreateUserAsync("admin", Roles.Admin);
        await Database.CreateUserAsync("kazlauskas", Roles.Caseworker);
        await Database.CreateUserAsync("petraitiene", Roles.Reception);
        return admin;
    }

    private Task<int> UserCount() => Database.ReadAsync(db => db.Users.CountAsync());

    private IRenderedComponent<StaffUserForm> RenderForm()
    {
        var form = Render<StaffUserForm>();
        form.WaitForElement("input[name=UserName]");
        return form;
    }

    [Fact]
    public async Task The_grid_lists_the_users_and_the_search_narrows_it_to_the_matching_one()
    {
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=users-grid] tbody tr").Count), Patience);

        await page.Find("[data-testid=user-search] input, input[data-testid=user-search]").InputAsync(new() { Value = "kazlaus" });

        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("[data-testid=users-grid] tbody tr"));
            Assert.Contains("kazlauskas", row.TextContent);
            Assert.Contains("Caseworker", row.TextContent);
        }, Patience);

        await page.Find("[data-testid=user-search] input, input[data-testid=user-search]").InputAsync(new() { Value = "nobody-by-this-name" });
        page.WaitForAssertion(() => Assert.Equal("No users match.", page.Find("[data-testid=no-users]").TextContent.Trim()), Patience);
    }

    [Fact]
    public async Task A_blank_new_user_form_shows_no_error_and_saving_it_puts_the_domains_messages_at_the_fields()
    {
        var form = RenderForm();
        Assert.Empty(InvalidFields(form));
        var before = await UserCount();

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Enter a user name.", At(form, "input[name=UserName]")), Patience);
        Assert.Equal("Enter an e-mail address.", At(form, "input[name=Email]"));
        Assert.Equal("Enter the first name.", At(form, "input[name=FirstName]"));
        Assert.Equal("Enter the last name.", At(form, "input[name=LastName]"));
        Assert.Equal("Enter an initial password.", At(form, "input[name=InitialPassword]"));
        Assert.Equal("Choose at least one role.", form.Find("[data-testid=roles-message]").TextContent.Trim());
        Assert.Equal(before, await UserCount());
    }

    [Fact]
    public void The_browser_limits_are_the_domains()
    {
        var form = RenderForm();

        Assert.Equal("64", form.Find("input[name=UserName]").GetAttribute("maxlength"));
        Assert.Equal("100", form.Find("input[name=FirstName]").GetAttribute("maxlength"));
        Assert.Equal("150", form.Find("input[name=Position]").GetAttribute("maxlength"));
        Assert.Equal("40", form.Find("input[name=Phone]").GetAttribute("maxlength"));
    }

    [Fact]
    public async Task A_taken_user_name_and_a_weak_password_are_said_at_their_fields_and_a_good_form_creates_the_user()
    {
        var form = RenderForm();
        await form.Find("input[name=FirstName]").ChangeAsync(new() { Value = "Jonas" });
        await form.Find("input[name=LastName]").ChangeAsync(new() { Value = "Testauskas" });
        await form.Find("input[name=UserName]").ChangeAsync(new() { Value = "kazlauskas" });
        await form.Find("input[name=Email]").ChangeAsync(new() { Value = "jonas@casedesk.test" });
        await form.Find($"input[name=role-{Roles.Caseworker}]").ChangeAsync(new() { Value = true });
        await form.Find("input[name=InitialPassword]").ChangeAsync(new() { Value = "short" });
        var before = await UserCount();

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("The password must have at least 10 characters.", At(form, "input[name=InitialPassword]")), Patience);
        Assert.Equal(before, await UserCount());

        await form.Find("input[name=InitialPassword]").ChangeAsync(new() { Value = "Pradinis2026x" });
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => Assert.Equal("This user name is already taken.", At(form, "input[name=UserName]")), Patience);

        await form.Find("input[name=UserName]").ChangeAsync(new() { Value = "jonas.t" });
        await form.Find("form").SubmitAsync();
        await Eventually.WaitForAsync(async () => Assert.Equal(before + 1, await UserCount()));
        var created = (await Database.Send(new ListStaff(new ListWindow(0, 10, null, false, "jonas.t")), admin)).Items.Single();
        Assert.Equal("Jonas Testauskas", created.FullName);
        Assert.Equal([Roles.Caseworker], created.Roles);
    }

    [Fact]
    public async Task Taking_away_ones_own_admin_role_is_refused_with_the_reason()
    {
        var snackbars = Render<MudSnackbarProvider>();
        var me = (await Database.Send(new ListStaff(new ListWindow(0, 10, null, false, "admin")), admin)).Items.Single();
        var form = Render<StaffRolesForm>(p => p.Add(f => f.Row, me));

        await form.Find($"input[name=edit-role-{Roles.Admin}]").ChangeAsync(new() { Value = false });
        await form.Find($"input[name=edit-role-{Roles.Head}]").ChangeAsync(new() { Value = true });
        await form.Find("form").SubmitAsync();

        snackbars.WaitForAssertion(() => Assert.Contains("You cannot remove your own Admin role", snackbars.Find("[data-testid=notification]").TextContent), Patience);
        var stored = (await Database.Send(new ListStaff(new ListWindow(0, 10, null, false, "admin")), admin)).Items.Single();
        Assert.Equal([Roles.Admin], stored.Roles);
    }

    [Fact]
    public async Task Saving_roles_replaces_them()
    {
        var row = (await Database.Send(new ListStaff(new ListWindow(0, 10, null, false, "petraitiene")), admin)).Items.Single();
        var form = Render<StaffRolesForm>(p => p.Add(f => f.Row, row));
        Assert.True(form.Find($"input[name=edit-role-{Roles.Reception}]").HasAttribute("checked"));

        await form.Find($"input[name=edit-role-{Roles.Caseworker}]").ChangeAsync(new() { Value = true });
        await form.Find("form").SubmitAsync();

        await Eventually.WaitForAsync(async () =>
        {
            var stored = (await Database.Send(new ListStaff(new ListWindow(0, 10, null, false, "petraitiene")), admin)).Items.Single();
            Assert.Equal([Roles.Caseworker, Roles.Reception], stored.Roles);
        });
    }
}

using Bunit;
using CaseDesk.App.Components.Layout;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Components.Layout;

public sealed class NavMenuTests : ComponentTestContext
{
    private List<(string Href, string Text)> MenuFor(params string[] roles)
    {
        Authorization.SetAuthorized("someone").SetRoles(roles);
        var menu = Render<NavMenu>();
        return menu.FindAll("nav a")
            .Select(a => (a.GetAttribute("href") ?? "", a.TextContent.Trim()))
            .ToList();
    }

    private List<string> HrefsFor(params string[] roles) => MenuFor(roles).Select(i => i.Href).ToList();

    [Fact]
    public void An_admin_sees_users_and_the_audit_log_but_no_client_data()
    {
        var menu = HrefsFor(Roles.Admin);

        Assert.Equal(("", "My work"), MenuFor(Roles.Admin)[0]);
        Assert.Contains("admin/users", menu);
        Assert.Contains("admin/audit", menu);
        Assert.DoesNotContain("clients", menu);
        Assert.DoesNotContain("cases", menu);
    }

    [Fact]
    public void A_quality_officer_sees_the_audit_log_and_clients_but_not_users()
    {
        var menu = HrefsFor(Roles.QualityOfficer);

        Assert.Contains("admin/audit", menu);
        Assert.Contains("clients", menu);
        Assert.DoesNotContain("admin/users", menu);
    }

    [Theory]
    [InlineData(Roles.Reception)]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Head)]
    public void Client_staff_see_clients_and_cases_but_not_the_admin_pages(string role)
    {
        var menu = HrefsFor(role);

        Assert.Equal("", menu[0]);
        Assert.Contains("clients", menu);
        Assert.Contains("cases", menu);
        Assert.DoesNotContain("admin/users", menu);
        Assert.DoesNotContain("admin/audit", menu);
    }

    [Fact]
    public void A_trainer_sees_no_client_cases_or_admin_pages()
    {
        var menu = HrefsFor(Roles.Trainer);

        Assert.Contains("", menu);
        Assert.Contains("standard", menu);
        Assert.DoesNotContain(menu, href => href is "clients" or "cases" or "admin/users" or "admin/audit");
    }

    [Fact]
    public void Every_entry_is_shown_to_exactly_the_roles_it_names()
    {
        foreach (var role in Roles.All)
            Assert.Equal(Navigation.Items.Where(i => i.Roles.Contains(role)).Select(i => i.Href), HrefsFor(role));
    }

    [Fact]
    public void Roles_add_up()
    {
        var both = HrefsFor(Roles.Caseworker, Roles.Admin);

        Assert.Contains("clients", both);
        Assert.Contains("admin/users", both);
        Assert.Equal(both.Distinct(), both);
    }

    [Fact]
    public void A_signed_in_user_without_roles_gets_no_entries()
    {
        Assert.Empty(MenuFor());
    }

    [Fact]
    public void The_entries_read_in_lithuanian_for_a_lithuanian_user()
    {
        using var _ = UiCulture.Use("lt");

        var texts = MenuFor(Roles.Admin).Select(i => i.Text).ToList();

        Assert.Equal("Mano darbai", texts[0]);
        Assert.Contains("Aptarnavimo standartas", texts);
        Assert.Contains("Naudotojai", texts);
        Assert.Contains("Audito žurnalas", texts);
    }
}

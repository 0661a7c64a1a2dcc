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
        return menu.FindAll("a.rz-navigation-item-link")
            .Select(a => (a.GetAttribute("href") ?? "", a.QuerySelector(".rz-navigation-item-text")?.TextContent.Trim() ?? ""))
            .ToList();
    }

    [Fact]
    public void An_admin_sees_users_and_the_audit_log()
    {
        Assert.Equal(
            [("", "My work"), ("standard", "Service standard"), ("admin/users", "Users"), ("admin/audit", "Audit log")],
            MenuFor(Roles.Admin));
    }

    [Fact]
    public void A_quality_officer_sees_the_audit_log_but_not_users()
    {
        Assert.Equal(
            [("", "My work"), ("standard", "Service standard"), ("admin/audit", "Audit log")],
            MenuFor(Roles.QualityOfficer));
    }

    [Theory]
    [InlineData(Roles.Reception)]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Head)]
    [InlineData(Roles.Trainer)]
    public void Other_roles_see_my_work_and_the_standard_only(string role)
    {
        Assert.Equal([("", "My work"), ("standard", "Service standard")], MenuFor(role));
    }

    [Fact]
    public void Roles_add_up()
    {
        Assert.Equal(["My work", "Service standard", "Users", "Audit log"], MenuFor(Roles.Caseworker, Roles.Admin).Select(i => i.Text));
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

        Assert.Equal(["Mano darbai", "Aptarnavimo standartas", "Naudotojai", "Audito žurnalas"], MenuFor(Roles.Admin).Select(i => i.Text));
    }
}

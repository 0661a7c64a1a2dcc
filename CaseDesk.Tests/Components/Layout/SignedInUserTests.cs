using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Layout;
using CaseDesk.App.Hosting;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Components.Layout;

public sealed class SignedInUserTests : ComponentTestContext
{
    private static ClaimsPrincipal Person(string login, string? fullName, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, login) };
        if (fullName is not null) claims.Add(new Claim(StaffClaims.FullName, fullName));
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private IRenderedComponent<SignedInUser> Show(ClaimsPrincipal user) => Render<SignedInUser>(p => p.Add(c => c.User, user));

    [Fact]
    public void Shows_the_full_name_and_the_role_not_the_login_name()
    {
        var shown = Show(Person("caseworker", "Asta Petrauskienė", Roles.Caseworker));

        Assert.Equal("Asta Petrauskienė", shown.Find("[data-testid=user-name]").TextContent);
        Assert.Equal("Caseworker", shown.Find("[data-testid=user-role]").TextContent);
        Assert.DoesNotContain("caseworker", shown.Find("[data-testid=user-name]").TextContent);
    }

    [Fact]
    public void Several_roles_are_all_named()
    {
        var shown = Show(Person("mantas", "Mantas Urbonas", Roles.Caseworker, Roles.Admin));

        Assert.Equal("Caseworker, Admin", shown.Find("[data-testid=user-role]").TextContent);
    }

    [Fact]
    public void A_role_reads_as_words_in_english_and_in_lithuanian()
    {
        Assert.Equal("Quality officer", Show(Person("quality", "Darius Vaitkus", Roles.QualityOfficer)).Find("[data-testid=user-role]").TextContent);

        using var _ = UiCulture.Use("lt");
        Assert.Equal(Browser.UiText.Lt(Roles.QualityOfficer), Show(Person("quality", "Darius Vaitkus", Roles.QualityOfficer)).Find("[data-testid=user-role]").TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_full_name_the_login_name_is_shown(string? fullName)
    {
        var shown = Show(Person("trainer", fullName, Roles.Trainer));

        Assert.Equal("trainer", shown.Find("[data-testid=user-name]").TextContent);
    }

    [Fact]
    public void The_role_reads_in_lithuanian_for_a_lithuanian_user()
    {
        using var _ = UiCulture.Use("lt");

        var shown = Show(Person("head", "Vida Stankevičienė", Roles.Head));

        Assert.Equal(Browser.UiText.Lt(Roles.Head), shown.Find("[data-testid=user-role]").TextContent);
        Assert.NotEqual(Roles.Head, shown.Find("[data-testid=user-role]").TextContent);
    }
}

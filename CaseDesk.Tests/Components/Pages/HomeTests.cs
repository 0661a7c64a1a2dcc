using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Pages;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages;

public sealed class HomeTests : ComponentTestContext
{
    private static readonly MyProfile Asta = new("u-asta", "asta", "Asta", "Petrauskienė", "Socialinė darbuotoja", null, null, "lt");

    private readonly FakeCaseDeskSender sender = new();

    public HomeTests()
    {
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddScoped<UiSender>();
        Authorization.SetAuthorized("asta").SetRoles(Roles.Caseworker)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-asta"));
    }

    [Fact]
    public void With_nothing_due_it_greets_the_user_and_shows_the_empty_state()
    {
        sender.Answer<GetMyProfile, MyProfile>(Asta);

        var home = Render<Home>();

        Assert.Equal("Hello, Asta.", home.Find("p.rz-text-body1").TextContent);
        var empty = home.Find("[data-testid=my-work-empty]");
        Assert.Contains("You have no open work right now.", empty.TextContent);
        Assert.Empty(home.FindAll("[aria-label=Loading]"));
    }

    [Fact]
    public void It_shows_loading_until_the_profile_arrives()
    {
        var profile = new TaskCompletionSource<MyProfile>();
        sender.Answer<GetMyProfile, MyProfile>((_, _) => profile.Task);

        var home = Render<Home>();

        Assert.Equal("progressbar", home.Find("[aria-label=Loading]").GetAttribute("role"));
        Assert.Empty(home.FindAll("[data-testid=my-work-empty]"));

        profile.SetResult(Asta);

        home.WaitForElement("[data-testid=my-work-empty]", TimeSpan.FromSeconds(10));
        Assert.Empty(home.FindAll("[aria-label=Loading]"));
    }

    [Fact]
    public void It_asks_for_the_profile_as_the_signed_in_user()
    {
        sender.Answer<GetMyProfile, MyProfile>(Asta);

        Render<Home>();

        var (request, caller) = Assert.Single(sender.Sent);
        Assert.IsType<GetMyProfile>(request);
        Assert.Equal(("u-asta", "asta"), (caller.UserId, caller.UserName));
        Assert.Equal([Roles.Caseworker], caller.Roles);
    }
}

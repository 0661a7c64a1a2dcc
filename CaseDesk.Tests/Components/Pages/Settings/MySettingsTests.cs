using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Pages.Settings;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Settings;

/// <summary>The user's own page on the real domain: the facts the domain holds, the language saved on the user.</summary>
public sealed class MySettingsTests : DomainComponentTestContext
{
    private Caller me = default!;

    protected override async Task<Caller> ArrangeAsync() => me = await Database.CreateUserAsync("egle", Roles.Caseworker, Roles.Head);

    private IRenderedComponent<MySettings> Open()
    {
        var page = Render<MySettings>();
        page.WaitForElement("[data-testid=my-facts]");
        return page;
    }

    private static Task Choose(IRenderedComponent<MySettings> page, string culture)
    {
        var group = page.FindComponent<MudRadioGroup<string>>();
        return group.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(culture));
    }

    [Fact]
    public void It_shows_the_full_name_the_roles_and_the_e_mail_as_read_only_facts()
    {
        var page = Open();

        Assert.Equal("egle Tester", page.Find("[data-testid=my-full-name]").TextContent);
        Assert.Equal("Caseworker, Head", page.Find("[data-testid=my-roles]").TextContent);
        Assert.Equal("Roles", page.Find("[data-testid=my-roles]").PreviousElementSibling!.TextContent);
        Assert.Equal("egle@test.casedesk", page.Find("[data-testid=my-email]").TextContent);
        Assert.Equal("egle", page.Find("[data-testid=my-user-name]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=my-facts] input"));
    }

    [Fact]
    public void The_current_language_is_chosen_and_saving_it_again_is_not_offered()
    {
        var page = Open();

        Assert.Equal("en", page.FindComponent<MudRadioGroup<string>>().Instance.Value);
        Assert.True(page.Find("[data-testid=save-language]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Saving_lithuanian_stores_it_on_the_user_and_reloads_the_page_in_it()
    {
        var page = Open();

        await Choose(page, "lt");
        Assert.False(page.Find("[data-testid=save-language]").HasAttribute("disabled"));
        await page.Find("[data-testid=language-form]").SubmitAsync();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("culture/set?culture=lt&redirectUri=%2Fsettings%2Fme%3Fsaved%3Dlanguage", navigation.Uri));
        Assert.Equal("lt", (await Database.FindUserByNameAsync("egle"))!.PreferredCulture);
    }

    [Fact]
    public void Back_from_saving_the_page_says_the_language_was_saved()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("settings/me?saved=language");

        var page = Open();

        Assert.Contains("Language saved.", page.Find("[data-testid=language-saved]").TextContent);
    }

    [Fact]
    public async Task A_refusal_of_the_save_shows_and_the_page_stays()
    {
        Render<MudSnackbarProvider>();
        var page = Open();
        // The account is removed while the page is open: the domain refuses to save a language for nobody.
        await Database.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            return await users.DeleteAsync((await users.FindByIdAsync(me.UserId))!);
        });

        await Choose(page, "lt");
        await page.Find("[data-testid=language-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(page.Services.GetRequiredService<ISnackbar>().ShownSnackbars,
            s => s.Severity == Severity.Error));
        Assert.DoesNotContain("culture/set", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.False(page.Find("[data-testid=save-language]").HasAttribute("disabled"));
    }

    [Fact]
    public void An_administrator_is_sent_to_the_users_page_instead_of_to_an_administrator()
    {
        // The roles shown are the signed-in ones (the app bar's too); the claims are set again with them.
        Authorization.SetRoles(Roles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, me.UserId));

        var page = Open();

        Assert.Equal("Admin", page.Find("[data-testid=my-roles]").TextContent);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "admin/users");
        Assert.DoesNotContain("ask an administrator", page.Markup);
    }

    [Fact]
    public void Sign_out_posts_to_the_logout_endpoint()
    {
        var page = Open();

        var form = page.Find("[data-testid=settings-sign-out]").Closest("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/logout", form.GetAttribute("action"));
    }
}

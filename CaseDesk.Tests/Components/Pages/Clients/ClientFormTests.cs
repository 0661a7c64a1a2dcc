using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Pages.Clients;
using CaseDesk.App.Services;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages.Clients;

public sealed class ClientFormTests : ComponentTestContext
{
    private static readonly StandardDetails Standard = new([], [],
        [new ClientGroupRow("elderly", "Senyvo amžiaus asmenys", "Elderly people")], []);

    private readonly FakeCaseDeskSender sender = new();

    public ClientFormTests()
    {
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Authorization.SetAuthorized("rasa").SetRoles(Roles.Reception).SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-rasa"));
        sender.Answer<GetStandard, StandardDetails>(Standard);
    }

    private static string MessageAfter(IRenderedComponent<ClientForm> form, string fieldName) =>
        form.Find($"[name={fieldName}]").Closest(".rz-form-field")!.NextElementSibling!.TextContent.Trim();

    [Fact]
    public void The_domains_field_errors_show_at_their_fields_and_nothing_navigates_away()
    {
        sender.Answer<RegisterClient, Guid>((_, _) => throw new RequestValidationException(new Dictionary<string, string[]>
        {
            [nameof(RegisterClient.FirstName)] = ["Enter the first name."],
            [nameof(RegisterClient.PersonalCode)] = ["A personal code has 11 digits and a valid check digit."],
        }));
        var form = Render<ClientForm>();
        var startUri = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;

        form.Find("form").Submit();

        Assert.Equal("Enter the first name.", MessageAfter(form, "FirstName"));
        Assert.Equal("A personal code has 11 digits and a valid check digit.", MessageAfter(form, "PersonalCode"));
        Assert.Equal(2, form.FindAll(".validation-message").Count);
        Assert.Equal(startUri, Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public void A_possible_duplicate_is_listed_and_the_next_save_carries_the_confirmation()
    {
        var existing = Guid.NewGuid();
        var registered = Guid.NewGuid();
        var attempts = 0;
        sender.Answer<RegisterClient, Guid>((request, _) => ++attempts == 1
            ? throw new PossibleDuplicateException([new DuplicateCandidate(existing, "Jonas Petraitis", "+370 612 34567", null, DuplicateReason.SameNameAndPhone)])
            : Task.FromResult(request.ConfirmedNotDuplicate ? registered : throw new InvalidOperationException("not confirmed")));
        sender.Answer<FindPossibleDuplicates, IReadOnlyList<DuplicateCandidate>>([]);
        var form = Render<ClientForm>();
        form.Find("[name=FirstName]").Change("Jonas");
        form.Find("[name=LastName]").Change("Petraitis");

        form.Find("form").Submit();
        // The draft keeper's debounced save can hold the renderer for a moment: the submit may land just after.
        form.WaitForAssertion(() => form.Find("[data-testid=duplicates]"));
        var panel = form.Find("[data-testid=duplicates]");
        Assert.Contains("Jonas Petraitis", panel.TextContent);
        Assert.Contains("Same name and phone", panel.TextContent);
        Assert.Equal($"clients/{existing}", panel.QuerySelector("a")!.GetAttribute("href"));

        form.Find("[data-testid=duplicates] input[type=checkbox]").Change(true);
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(2, sender.Sent.Count(s => s.Request is RegisterClient)));
        var last = (RegisterClient)sender.Sent.Last(s => s.Request is RegisterClient).Request;
        Assert.True(last.ConfirmedNotDuplicate);
        Assert.EndsWith($"clients/{registered}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }
}

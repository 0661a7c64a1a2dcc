using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages.Cases;

public sealed class LogContactFormTests : ComponentTestContext
{
    private readonly FakeCaseDeskSender sender = new();
    private readonly FakeClock clock = new();

    public LogContactFormTests()
    {
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Authorization.SetAuthorized("asta").SetRoles(Roles.Caseworker).SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-asta"));
        sender.Answer<GetStandard, StandardDetails>(new StandardDetails(
            StandardReferenceData.Touchpoints.Select(t => new TouchpointRow(t.Number, t.Phase, t.NameLt, t.NameEn, t.NeedsLt, t.NeedsEn, t.RepresentativesLt, t.RepresentativesEn)).ToList(),
            [], [], []));
    }

    [Fact]
    public void Field_errors_from_the_domain_land_on_the_summary_and_the_time_fields()
    {
        sender.Answer<LogContact, Guid>((_, _) => throw new RequestValidationException(new Dictionary<string, string[]>
        {
            [nameof(LogContact.Summary)] = ["Write what the contact was about."],
            [nameof(LogContact.OccurredAtUtc)] = ["A contact cannot be in the future."],
            ["Promises[0].Text"] = ["Write what was promised."],
        }));
        var form = Render<LogContactForm>(p => p.Add(f => f.ClientId, Guid.NewGuid()));

        form.Find("form").Submit();

        var summary = form.Find("[name=Summary]").Closest(".rz-form-field")!.NextElementSibling!;
        Assert.Equal("Write what the contact was about.", summary.TextContent.Trim());
        Assert.Contains(form.FindAll(".validation-message"), m => m.TextContent.Trim() == "A contact cannot be in the future.");
        // A key that is no field of the form (a promise row) is shown above the form, not lost.
        Assert.Contains("Write what was promised.", form.Find("[data-testid=form-errors]").TextContent);
    }

    [Fact]
    public void The_contact_is_sent_in_utc_from_the_vilnius_time_shown_with_the_chosen_touchpoint()
    {
        var client = Guid.NewGuid();
        sender.Answer<LogContact, Guid>(Guid.NewGuid());
        var form = Render<LogContactForm>(p => p.Add(f => f.ClientId, client).Add(f => f.Touchpoint, 2).Add(f => f.Channel, ContactChannel.PhoneIn));
        form.Find("[name=Summary]").Input("Klausė apie pagalbą namuose"); // the field updates as typed (drafts)

        form.Find("form").Submit();

        // The draft keeper's debounced save can hold the renderer for a moment: the submit may land just after.
        form.WaitForAssertion(() => Assert.Contains(sender.Sent, s => s.Request is LogContact));
        var sent = (LogContact)sender.Sent.Single(s => s.Request is LogContact).Request;
        Assert.Equal((client, 2, ContactChannel.PhoneIn, ContactDirection.FromClient), (sent.ClientId, sent.Touchpoint, sent.Channel, sent.Direction));
        Assert.Equal(clock.UtcDateTime, sent.OccurredAtUtc);
        Assert.Equal("Klausė apie pagalbą namuose", sent.Summary);
    }
}

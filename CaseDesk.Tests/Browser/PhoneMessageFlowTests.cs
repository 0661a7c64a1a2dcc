using CaseDesk.Domain;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.PhoneMessages;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 3's phone flow in a real browser: reception takes a message for Asta → Asta, in her own
/// browser, sees the call-back in My work → links the caller to the client and logs the call-back →
/// it leaves My work and is a contact on touchpoint 2 of the client's record.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneMessageFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Reception_takes_a_message_the_caseworker_calls_back_and_it_is_a_contact_on_touchpoint_2()
    {
        BrowserRequirement.Check();
        await using var domain = new DomainAccess(fixture.App);
        // The client exists (registered earlier); the caller does not say so, so the message is not linked yet.
        var clientId = await domain.SendAsync(new RegisterClient("Ona", "Skambutytė", null, null, "+370 612 34999", null, null, [],
            ClientLanguage.Lithuanian, null, null, false, null, [], ConfirmedNotDuplicate: true));

        // Reception writes down the call for Asta, who is out.
        await using var reception = await fixture.SignInAsync("reception", output);
        await RecordWhatTheFormSaysAsync(reception);
        await reception.OpenAsync("phone-messages");
        await reception.Page.GetByTestId("take-message").ClickAsync();
        var form = reception.Page.GetByTestId("take-message-form");
        await form.Locator("input[name=CallerName]").FillAsync("Ona Skambutytė");
        await form.Locator("input[name=Phone]").FillAsync("+370 612 34999");
        await form.Locator("textarea[name=Message]").FillAsync("Prašo paskambinti dėl pagalbos į namus: kokių dokumentų reikia.");
        await form.GetByTestId("addressee-picker").ClickAsync();
        await reception.Page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Asta Petrauskienė" }).First.ClickAsync();
        await form.GetByTestId("save-message").ClickAsync();
        await ExpectClosedAsync(reception, form);
        var row = reception.Page.GetByTestId("messages-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = "Ona Skambutytė" });
        await Expect(row).ToContainTextAsync("Asta Petrauskienė");

        // Asta, in her own browser, finds the call-back in My work.
        await using var asta = await fixture.SignInAsync("caseworker", output);
        var item = asta.Page.Locator("[data-testid=work-item][data-kind=CallBack]", new PageLocatorOptions { HasText = "Ona Skambutytė" });
        await Expect(item.GetByTestId("work-title")).ToHaveTextAsync("Ona Skambutytė · +370 612 34999");
        await item.GetByTestId("open-call-back").ClickAsync();
        var dialog = asta.Page.GetByTestId("phone-message");
        await Expect(dialog.GetByTestId("message-text")).ToContainTextAsync("kokių dokumentų reikia");
        await dialog.GetByTestId("log-call-back").ClickAsync();

        // The message has no client yet: she finds Ona by name and logs what was said (8.4).
        var callBack = asta.Page.GetByTestId("call-back-form");
        await callBack.GetByTestId("client-search").FillAsync("Skambut");
        await callBack.GetByTestId("choose-client").Filter(new LocatorFilterOptions { HasText = "Ona Skambutytė" }).ClickAsync();
        await Expect(callBack.GetByTestId("chosen-client")).ToHaveTextAsync("Ona Skambutytė");
        await callBack.Locator("textarea[name=Summary]").FillAsync("Atskambinau: paaiškinau, kokių dokumentų reikia pagalbai į namus.");
        await callBack.Locator("textarea[name=NextStep]").FillAsync("Klientė atneš prašymą pirmadienį.");
        await callBack.GetByTestId("save-call-back").ClickAsync();
        await ExpectClosedAsync(asta, callBack);

        // The call-back leaves My work and shows on Ona's record as a contact on touchpoint 2.
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(item).ToHaveCountAsync(0);
        await asta.OpenAsync($"clients/{clientId}");
        var contacts = asta.Page.GetByTestId("contacts-grid");
        await Expect(contacts.GetByTestId("contact-touchpoint")).ToHaveTextAsync(["2"]);
        await Expect(contacts).ToContainTextAsync("Atskambinau: paaiškinau");

        var contact = await domain.ReadAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ClientId == clientId));
        Assert.Equal((2, ContactChannel.PhoneOut, nameof(PhoneMessage)), (contact.Touchpoint, contact.Channel, contact.SourceKind));
        var message = await domain.ReadAsync(db => db.PhoneMessages.AsNoTracking().SingleAsync(m => m.Id == contact.SourceId));
        Assert.Equal(("Ona Skambutytė", (Guid?)clientId, (Guid?)contact.Id), (message.CallerName, message.ClientId, message.CallBackContactId));
        Assert.Empty(asta.PageErrors);
        Assert.Empty(reception.PageErrors);
    }
    [SkippableFact]
    public async Task A_caller_who_is_not_a_client_is_called_back_from_my_work_and_the_message_closes_without_a_client()
    {
        BrowserRequirement.Check();
        await using var domain = new DomainAccess(fixture.App);
        var asta = await domain.UserIdAsync("caseworker");
        var clientsBefore = await domain.ReadAsync(db => db.Clients.CountAsync());
        // A neighbour's daughter rang about her mother's neighbour: she is nobody's client.
        var id = await domain.SendAsync(new TakePhoneMessage(DateTime.UtcNow.AddMinutes(-30), "Rasa Kaimynaitė", "Seniūnija", null, "+370 611 55501",
            "Klausia, kaip kaimynei kreiptis dėl pagalbos į namus.", asta, null, null));

        await using var session = await fixture.SignInAsync("caseworker", output);
        var item = session.Page.Locator($"[data-testid=work-item][data-id='{id}']");
        await item.GetByTestId("open-call-back").ClickAsync();
        var dialog = session.Page.GetByTestId("phone-message");
        await dialog.GetByTestId("log-call-back").ClickAsync();
        var callBack = session.Page.GetByTestId("call-back-form");
        await callBack.GetByText(UiText.Lt("Called back a caller who is not a registered client")).ClickAsync();
        await Expect(callBack.GetByTestId("client-picker")).ToHaveCountAsync(0);
        await Expect(callBack.Locator("input[name=CalledWho]")).ToHaveValueAsync("Rasa Kaimynaitė, Seniūnija");
        await callBack.Locator("textarea[name=Summary]").FillAsync("Paaiškinau, kad kaimynė gali kreiptis pati arba per seniūniją.");
        await callBack.GetByTestId("save-call-back").ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(item).ToHaveCountAsync(0);
        var message = await domain.ReadAsync(db => db.PhoneMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(("Rasa Kaimynaitė, Seniūnija", (Guid?)null, (Guid?)null), (message.CalledBackWho, message.ClientId, message.CallBackContactId));
        Assert.NotNull(message.CalledBackAtUtc);
        Assert.Equal(clientsBefore, await domain.ReadAsync(db => db.Clients.CountAsync()));
        Assert.Empty(session.PageErrors);
    }

    /// <summary>
    /// Keeps, in the page, every notification and every message at a field as it appears: notifications leave after 4 to
    /// 10 s and a field's message goes when the field changes, both sooner than an expectation gives up. For the pages the
    /// session opens from now on.
    /// </summary>
    private static Task RecordWhatTheFormSaysAsync(BrowserSession session) =>
        session.Context.AddInitScriptAsync("""
            window.__said = [];
            const at = () => new Date().toISOString().substring(11, 23) + ' ';
            const messageAt = field => (field.getAttribute('aria-describedby') || '').split(' ').filter(id => id)
                .map(id => document.getElementById(id)).filter(e => e).map(e => e.innerText.trim()).filter(t => t).join(' ');
            new MutationObserver(records => records.forEach(r => {
                if (r.type === 'attributes') {
                    const field = r.target;
                    window.__said.push(at() + (field.name || field.id || field.tagName) + (field.getAttribute('aria-invalid') === 'true'
                        ? ' marked invalid: ' + messageAt(field) : ' no longer invalid'));
                    return;
                }
                r.addedNodes.forEach(n => {
                    if (n.nodeType !== 1) return;
                    const found = n.matches('[data-testid=notification]') ? [n] : [...n.querySelectorAll('[data-testid=notification]')];
                    found.forEach(e => window.__said.push(at() + 'notification: ' + e.innerText.trim()));
                });
            })).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-invalid'] });
            """);

    /// <summary>
    /// The form closed after its save. When it did not, the failure says why: what the form and the notifications said since
    /// the page opened, the messages shown at the fields and above the form now, what each field holds, the page's console
    /// errors and the app's last warnings and errors.
    /// </summary>
    private async Task ExpectClosedAsync(BrowserSession session, ILocator form)
    {
        try
        {
            await Expect(form).ToBeHiddenAsync();
        }
        catch (PlaywrightException e)
        {
            var why = await ExplainAsync(session, form);
            output.WriteLine(why);
            throw new Xunit.Sdk.XunitException($"The form stayed open after its save.\n{why}\n{e.Message}");
        }
    }

    private async Task<string> ExplainAsync(BrowserSession session, ILocator form)
    {
        var said = await session.Page.EvaluateAsync<string[]?>("() => window.__said || null");
        var notifications = await session.Page.GetByTestId("notification").AllInnerTextsAsync();
        var above = await form.GetByTestId("form-errors").AllInnerTextsAsync();
        var fields = await form.EvaluateAsync<string[]>("""
            form => [...form.querySelectorAll('input:not([type=hidden]), textarea')].map(field => {
                const label = field.labels && field.labels.length ? field.labels[0].innerText.trim() : '';
                const message = (field.getAttribute('aria-describedby') || '').split(' ').filter(id => id)
                    .map(id => document.getElementById(id)).filter(e => e).map(e => e.innerText.trim()).filter(t => t).join(' ');
                return `${field.name || label || field.id} = "${field.value}"` + (field.getAttribute('aria-invalid') === 'true' ? ` (invalid: ${message})` : '');
            })
            """);
        var appLines = fixture.App.Output.Split('\n')
            .Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("warn:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal))
            .TakeLast(20);
        static string Listed(IEnumerable<string>? lines) => lines is null || !lines.Any() ? "none" : string.Join("\n  ", lines);
        return $"""
            Said since the page opened (notifications, field messages): {(said is null ? "not recorded" : Listed(said))}
            Notifications now: {Listed(notifications)}
            Messages above the form now: {Listed(above)}
            Fields now: {string.Join("; ", fields)}
            Console errors: {Listed(session.ConsoleErrors)}
            App warnings and errors (last 20): {Listed(appLines)}
            """;
    }
}

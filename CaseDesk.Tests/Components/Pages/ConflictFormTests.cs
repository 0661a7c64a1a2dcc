using static CaseDesk.Tests.Support.Eventually;
using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.App.Components.Pages.Letters;
using CaseDesk.App.Components.Pages.PhoneMessages;
using CaseDesk.App.Components.Pages.Visits;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.UseCases.Visits;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages;

/// <summary>
/// Two people, one record, against the real domain: the second saver's form meets the conflict, the dialog names
/// who saved, and the choice decides what is stored: "save mine" goes through on the fresh version, "keep theirs"
/// leaves their save as it is.
/// </summary>
public sealed class ConflictFormTests : DomainComponentTestContext
{
    private Caller me = default!;
    private Caller other = default!;
    private Caller rima = default!;
    private Caller tomas = default!;
    private SeededCase @case = default!;

    private DateTime Now => Database.Clock.UtcDateTime;

    protected override async Task<Caller> ArrangeAsync()
    {
        me = await Database.CreateUserAsync("asta", Roles.Caseworker);
        other = await Database.CreateUserAsync("vida", Roles.Head);
        rima = await Database.CreateUserAsync("rima", Roles.Caseworker);
        tomas = await Database.CreateUserAsync("tomas", Roles.Caseworker);
        @case = await CaseworkSeed.CaseAsync(Database, me);
        await Database.PlaceInUnitAsync(me, CaseworkSeed.SocialServicesUnit); // still reads the case once it is routed to a colleague
        return me;
    }

    /// <summary>Waits for the conflict dialog, checks it names the other person, and clicks the choice.</summary>
    private static async Task ChooseAsync(IRenderedComponent<MudDialogProvider> host, bool saveMine)
    {
        host.WaitForAssertion(() => host.Find("[data-testid=conflict-save-mine]"));
        Assert.StartsWith("Saved by vida at ", host.Find("[data-testid=conflict-who]").TextContent.Trim());
        await host.Find(saveMine ? "[data-testid=conflict-save-mine]" : "[data-testid=conflict-keep-theirs]").ClickAsync(new());
    }

    /// <summary>Sets a select's value as a person's choice would.</summary>
    private static Task Pick<TValue>(IRenderedComponent<MudSelect<TValue>> select, TValue value) =>
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Routing_a_case_someone_else_just_routed(bool saveMine)
    {
        var stale = await Database.Send(new GetCase(@case.CaseId), me);
        await Database.Send(new AssignCase(@case.CaseId, stale.Version, rima.UserId, null), other);
        var host = Render<MudDialogProvider>(); // the conflict dialog opens here
        Render<MudPopoverProvider>();
        var form = Render<AssignCaseForm>(p => p.Add(f => f.Case, stale));
        await Pick(form.FindComponent<MudSelect<string>>(), tomas.UserId);

        var saving = form.Find("form").SubmitAsync(); // waits on the dialog until a choice is clicked
        host.WaitForAssertion(() => Assert.Contains("rima", host.Find("[data-testid=conflict-table]").TextContent));
        await ChooseAsync(host, saveMine);
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        var expected = saveMine ? tomas.UserId : rima.UserId;
        await WaitForAsync(async () => Assert.Equal(expected, (await Database.Send(new GetCase(@case.CaseId), me)).AssignedToUserId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Closing_a_case_whose_due_date_someone_else_just_moved(bool saveMine)
    {
        var stale = await Database.Send(new GetCase(@case.CaseId), me);
        var due = Now.AddDays(9);
        await Database.Send(new SetCaseDue(@case.CaseId, stale.Version, due), other);
        var host = Render<MudDialogProvider>(); // the conflict dialog opens here
        var form = Render<CloseCaseForm>(p => p.Add(f => f.Case, stale));

        var saving = form.Find("form").SubmitAsync(); // waits on the dialog until a choice is clicked
        await ChooseAsync(host, saveMine);
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        await WaitForAsync(async () =>
        {
            var stored = await Database.Send(new GetCase(@case.CaseId), me);
            Assert.Equal((saveMine ? CaseStatus.Closed : stale.Status, due), (stored.Status, stored.DueAtUtc));
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Editing_a_letter_someone_else_just_edited(bool saveMine)
    {
        var letterId = await Database.Send(new ComposeLetter(@case.CaseId, StandardLetterTemplates.Template("documents").Id, Now), me);
        var host = Render<MudDialogProvider>(); // the conflict dialog opens here
        var form = Render<EditLetterForm>(p => p.Add(f => f.LetterId, letterId));
        form.WaitForAssertion(() => form.Find("[data-testid=edit-letter-form]"));
        var loaded = await Database.Send(new GetLetter(letterId), me);
        await Database.Send(new EditLetter(letterId, loaded.Version, "Jų tema", loaded.Body), other);
        await form.Find("input[name=Subject]").ChangeAsync(new() { Value = "Mano tema" });

        var saving = form.Find("form").SubmitAsync(); // waits on the dialog until a choice is clicked
        host.WaitForAssertion(() => Assert.Contains("Jų tema", host.Find("[data-testid=conflict-table]").TextContent));
        await ChooseAsync(host, saveMine);
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        var expected = saveMine ? "Mano tema" : "Jų tema";
        await WaitForAsync(async () => Assert.Equal(expected, (await Database.Send(new GetLetter(letterId), me)).Subject));
        if (!saveMine)
            form.WaitForAssertion(() => Assert.Equal("Jų tema", form.Find("input[name=Subject]").GetAttribute("value")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Moving_a_visit_someone_else_just_moved(bool saveMine)
    {
        var visitId = await Database.Send(new OfferVisit(@case.CaseId, "Buities sąlygų įvertinimas", false), me);
        var offered = await Database.Send(new GetVisit(visitId), me);
        var agreed = Now.AddDays(2);
        await Database.Send(new AgreeVisit(visitId, offered.Version, agreed, agreed.AddHours(1)), me);
        var stale = await Database.Send(new GetVisit(visitId), me);
        var theirStart = Now.AddDays(5);
        await Database.Send(new RescheduleVisit(visitId, stale.Version, theirStart, theirStart.AddHours(1), "Liga", Now, "Telefonu"), other);
        var host = Render<MudDialogProvider>(); // the conflict dialog opens here
        var form = Render<RescheduleVisitForm>(p => p.Add(f => f.Visit, stale));
        await form.Find("textarea[name=Reason]").ChangeAsync(new() { Value = "Kliento prašymu" });
        await Pick(form.FindComponent<MudSelect<string>>(), "By phone");

        var saving = form.Find("form").SubmitAsync(); // waits on the dialog until a choice is clicked
        await ChooseAsync(host, saveMine);
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        var expected = saveMine ? agreed.AddDays(1) : theirStart; // the form offers the agreed time it showed, a day later
        await WaitForAsync(async () => Assert.Equal(expected, (await Database.Send(new GetVisit(visitId), me)).AgreedStartUtc));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Forwarding_a_phone_message_someone_else_just_forwarded(bool saveMine)
    {
        var messageId = await Database.Send(new TakePhoneMessage(Now.AddMinutes(-5), "Ona Jonaitienė", null, null, "+370 612 34567",
            "Prašo paskambinti dėl pažymos", me.UserId), other);
        var host = Render<MudDialogProvider>(); // the conflict dialog opens here
        var form = Render<PhoneMessageDialog>(p => p.Add(f => f.MessageId, messageId));
        form.WaitForAssertion(() => form.Find("[data-testid=forward-message]"));
        await form.Find("[data-testid=forward-message]").ClickAsync(new());
        var loaded = await Database.Send(new GetPhoneMessage(messageId), me);
        await Database.Send(new ForwardPhoneMessage(messageId, loaded.Version, rima.UserId), other);
        await Pick(form.FindComponent<MudSelect<string>>(), tomas.UserId);

        var saving = form.Find("[data-testid=save-forward]").ClickAsync(new()); // waits on the dialog until a choice is clicked
        await ChooseAsync(host, saveMine);
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        var expected = saveMine ? tomas.UserId : rima.UserId;
        await WaitForAsync(async () => Assert.Equal(expected, (await Database.Send(new GetPhoneMessage(messageId), me)).AddresseeUserId));
        if (!saveMine)
            form.WaitForAssertion(() => Assert.Contains("rima", form.Find("[data-testid=message-addressee]").TextContent));
    }

}

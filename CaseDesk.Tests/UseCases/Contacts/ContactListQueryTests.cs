using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.UseCases.Contacts;

/// <summary>The case's contact list filters, sorts and pages in the query, on a real SQLite file.</summary>
public sealed class ContactListQueryTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller asta = default!;
    private Guid client;
    private Guid caseId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        client = await database.RegisterAsync(asta);
        caseId = await database.OpenCaseAsync(asta, client, asta.UserId);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Touchpoint_and_channel_filter_the_total_and_the_pages_run_newest_first_or_oldest_first()
    {
        var now = database.Clock.UtcDateTime;
        // Hours ago → (touchpoint, channel): five calls on touchpoint 2 among calls and visits on other touchpoints and channels.
        var matching = new List<(Guid Id, DateTime At)>();
        for (var hour = 1; hour <= 12; hour++)
        {
            var at = now.AddHours(-hour);
            var (touchpoint, channel) = (hour % 3) switch
            {
                0 => (2, ContactChannel.PhoneIn),
                1 => (2, ContactChannel.OfficeVisit),
                _ => (5, ContactChannel.PhoneIn),
            };
            var id = await database.Send(Casework.Contact(client, caseId, at, touchpoint, channel), asta);
            if ((touchpoint, channel) == (2, ContactChannel.PhoneIn)) matching.Add((id, at));
        }
        matching.Add((await database.Send(Casework.Contact(client, caseId, now.AddHours(-20), 2, ContactChannel.PhoneIn), asta), now.AddHours(-20)));
        var newestFirst = matching.OrderByDescending(m => m.At).Select(m => m.Id).ToList();

        var firstPage = await database.Send(new ListContacts(client, caseId, new ListWindow(0, 2), 2, ContactChannel.PhoneIn), asta);
        var secondPage = await database.Send(new ListContacts(client, caseId, new ListWindow(2, 2), 2, ContactChannel.PhoneIn), asta);
        var oldestPage = await database.Send(new ListContacts(client, caseId,
            new ListWindow(0, 2, nameof(ContactRow.OccurredAtUtc), Descending: false), 2, ContactChannel.PhoneIn), asta);

        Assert.Equal(5, firstPage.Total);
        Assert.Equal(newestFirst[..2], firstPage.Items.Select(r => r.Id));
        Assert.Equal(newestFirst[2..4], secondPage.Items.Select(r => r.Id));
        Assert.Equal([newestFirst[4], newestFirst[3]], oldestPage.Items.Select(r => r.Id));
        Assert.All(firstPage.Items.Concat(secondPage.Items), r => Assert.Equal((2, ContactChannel.PhoneIn), (r.Touchpoint, r.Channel)));
    }

    [Fact]
    public async Task One_filter_alone_narrows_and_no_filter_lists_every_contact_of_the_case()
    {
        var now = database.Clock.UtcDateTime;
        await database.Send(Casework.Contact(client, caseId, now.AddHours(-3), 2, ContactChannel.PhoneIn), asta);
        await database.Send(Casework.Contact(client, caseId, now.AddHours(-2), 7, ContactChannel.HomeVisit), asta);
        await database.Send(Casework.Contact(client, caseId, now.AddHours(-1), 5, ContactChannel.PhoneOut), asta);

        var byTouchpoint = await database.Send(new ListContacts(client, caseId, new ListWindow(), Touchpoint: 7), asta);
        var phoneOut = await database.Send(new ListContacts(client, caseId, new ListWindow(), Channel: ContactChannel.PhoneOut), asta);
        var all = await database.Send(new ListContacts(client, caseId, new ListWindow()), asta);

        Assert.Equal([7], byTouchpoint.Items.Select(r => r.Touchpoint));
        Assert.Equal([5], phoneOut.Items.Select(r => r.Touchpoint));
        Assert.Equal([5, 7, 2], all.Items.Select(r => r.Touchpoint));
    }

    [Fact]
    public async Task A_touchpoint_outside_the_standard_is_refused_at_the_field()
    {
        using var _ = UiCulture.Use("en");

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(new ListContacts(client, caseId, new ListWindow(), Touchpoint: 11), asta));

        Assert.Equal(["Choose the touchpoint (1-10)."], error.Errors[nameof(ListContacts.Touchpoint)]);
    }
}

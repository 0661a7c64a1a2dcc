using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Mail;
using CaseDesk.Domain.Public;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.UseCases.Public;

/// <summary>Issue 20: feedback from the public website enters the officer's intake exactly as staff-registered feedback does, with a tracking code.</summary>
public sealed class SubmitPublicFeedbackTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller officer = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(services: s => s.Configure<PublicSiteOptions>(o => o.BaseUrl = "https://paslaugos.alytus.example/"));
        reception = await database.CreateUserAsync("rasa", Roles.Reception);
        officer = await database.CreateUserAsync("darius", Roles.QualityOfficer);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    internal static SubmitPublicFeedback Form(FeedbackKind kind = FeedbackKind.Complaint, string text = "Niekas neatskambino, nors žadėjo",
        int? touchpoint = 3, string? name = null, string? contact = null, string language = "lt", string? key = null) =>
        new(kind, text, touchpoint, name, contact, language, key ?? Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_anonymous_complaint_lands_in_the_officers_intake_with_the_same_clocks_as_one_registered_by_staff()
    {
        var receipt = await database.Send(Form(touchpoint: 3), Caller.Public);
        var byStaff = await database.Send(ComplaintWork.Feedback(database.Clock.UtcDateTime, source: FeedbackSource.Website, touchpoints: [3], commitments: []), reception);

        var fromWeb = await database.ReadAsync(db => db.PublicFeedbackTickets.Where(t => t.CodeHash == TrackingCode.Hash(TrackingCode.Normalize(receipt.Code)!))
            .Select(t => t.ComplaintId).SingleAsync());
        var desk = await database.Send(new GetOfficerDesk(), officer);
        var registered = desk.OpenByStage.Single(s => s.Stage == ComplaintStage.Registered).Complaints;
        Assert.Contains(registered, c => c.Id == fromWeb && c.IsAnonymous);
        Assert.Contains(registered, c => c.Id == byStaff);

        var web = await database.GetAsync(fromWeb, officer);
        var staff = await database.GetAsync(byStaff, officer);
        Assert.Equal(FeedbackSource.Website, web.Source);
        Assert.Equal(database.Clock.UtcDateTime, web.ReceivedAtUtc);
        Assert.StartsWith($"SK-{database.Clock.UtcDateTime.Year}-", web.Number);
        Assert.Equal(staff.Number[..8], web.Number[..8]);
        Assert.Equal(["3"], web.Touchpoints.Select(t => t.Value));
        Assert.Empty(web.Commitments);

        var clocks = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking().Where(k => k.SubjectId == fromWeb || k.SubjectId == byStaff).ToListAsync());
        var webClocks = clocks.Where(k => k.SubjectId == fromWeb).OrderBy(k => k.Kind).Select(k => (k.Kind, k.StartedAtUtc, k.DueAtUtc, k.State)).ToList();
        var staffClocks = clocks.Where(k => k.SubjectId == byStaff).OrderBy(k => k.Kind).Select(k => (k.Kind, k.StartedAtUtc, k.DueAtUtc, k.State)).ToList();
        Assert.Equal([ClockKind.ComplaintAcknowledged, ClockKind.ComplaintResolved], webClocks.Select(k => k.Kind));
        Assert.Equal(staffClocks, webClocks);
    }

    [Theory]
    [InlineData(FeedbackKind.Suggestion, "PA")]
    [InlineData(FeedbackKind.Praise, "PD")]
    public async Task A_suggestion_or_praise_starts_no_clock_and_takes_its_own_number_series(FeedbackKind kind, string prefix)
    {
        await database.Send(Form(kind, touchpoint: null), Caller.Public);

        var complaint = await database.ReadAsync(db => db.Complaints.AsNoTracking().Include(c => c.Tags).SingleAsync());
        Assert.Equal((kind, FeedbackSource.Website, Caller.Public.UserId), (complaint.Kind, complaint.Source, complaint.RegisteredByUserId));
        Assert.StartsWith($"{prefix}-", complaint.Number);
        Assert.Empty(complaint.Tags);
        Assert.False(await database.ReadAsync(db => db.ResponseClocks.AnyAsync(k => k.SubjectId == complaint.Id)));
    }

    [Theory]
    [InlineData("lt", "sekimo kodas", "Dėkojame")]
    [InlineData("en", "tracking code", "Thank you")]
    [InlineData("ru", "код для отслеживания", "Благодарим")]
    [InlineData("pl", "kod do śledzenia", "Dziękujemy")]
    public async Task A_named_visitor_with_an_e_mail_address_gets_the_code_by_mail_in_their_language(string language, string word, string thanks)
    {
        var receipt = await database.Send(Form(name: "Ona Onaitė", contact: " ona@example.lt ", language: language), Caller.Public);

        Assert.True(receipt.CodeMailed);
        var message = await database.ReadAsync(db => Outbox.Messages(db).AsNoTracking().SingleAsync());
        var complaint = await database.ReadAsync(db => db.Complaints.AsNoTracking().SingleAsync());
        Assert.Equal(("ona@example.lt", "Ona Onaitė", PublicCodeMail.SourceKind, complaint.Id, Caller.Public.UserId),
            (message.ToAddress, message.ToName, message.SourceKind, message.SourceId, message.CreatedByUserId));
        Assert.Contains(receipt.Code, message.TextBody);
        Assert.Contains(word, message.Subject + message.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(thanks, message.TextBody);
        Assert.Contains($"https://paslaugos.alytus.example/viesa/busena?lang={language}", message.TextBody);
        Assert.DoesNotContain(complaint.Number, message.TextBody + message.Subject);
        Assert.DoesNotContain("Niekas neatskambino", message.TextBody);
        Assert.Equal(("Ona Onaitė", "ona@example.lt"), (complaint.ContactName, complaint.ContactDetails));
    }

    [Fact]
    public async Task Without_a_configured_address_the_mail_names_the_page_instead()
    {
        await using var plain = await TestDatabase.CreateAsync();
        await plain.Send(Form(contact: "ona@example.lt", language: "en"), Caller.Public);

        var message = await plain.ReadAsync(db => Outbox.Messages(db).AsNoTracking().SingleAsync());
        Assert.Contains("on our website, on the page where feedback is followed (/viesa/busena)", message.TextBody);
        Assert.DoesNotContain("http", message.TextBody);
    }

    [Fact]
    public async Task A_phone_number_gets_no_mail()
    {
        var receipt = await database.Send(Form(name: "Ona Onaitė", contact: "+370 (600) 12-345"), Caller.Public);

        Assert.False(receipt.CodeMailed);
        Assert.Equal(0, await database.ReadAsync(db => Outbox.Messages(db).CountAsync()));
        Assert.Equal("+370 (600) 12-345", (await database.ReadAsync(db => db.Complaints.SingleAsync())).ContactDetails);
    }

    [Theory]
    [InlineData("Contact", "not a contact")]
    [InlineData("Contact", "12345")]
    [InlineData("Contact", "+370 600 12345 678 9012")]
    [InlineData("Contact", "ona@example")]
    [InlineData("Language", "de")]
    [InlineData("Touchpoint", "11")]
    [InlineData("Text", "")]
    [InlineData("SubmissionKey", "")]
    [InlineData("Name", "R2-D2")]
    public async Task The_form_is_checked_field_by_field(string field, string value)
    {
        var form = field switch
        {
            "Contact" => Form(contact: value),
            "Language" => Form(language: value),
            "Touchpoint" => Form(touchpoint: int.Parse(value)),
            "Text" => Form(text: value),
            "SubmissionKey" => Form(key: value),
            _ => Form(name: value),
        };

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(form, Caller.Public));

        Assert.Equal([field], refused.Errors.Keys);
        Assert.Equal(0, await database.ReadAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task The_text_may_be_4000_characters_and_no_more()
    {
        await database.Send(Form(text: new string('a', 4000)), Caller.Public);
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(Form(text: new string('a', 4001)), Caller.Public));
        Assert.Equal(["Text"], refused.Errors.Keys);
    }

    [Fact]
    public async Task The_same_form_sent_twice_is_refused_with_the_reason_and_registers_once()
    {
        await database.Send(Form(key: "form-1"), Caller.Public);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(Form(key: "form-1", text: "Kitas tekstas"), Caller.Public));

        Assert.Contains("because", refusal.Message);
        Assert.Equal(1, await database.ReadAsync(db => db.Complaints.CountAsync()));
        Assert.Equal(1, await database.ReadAsync(db => db.PublicFeedbackTickets.CountAsync()));
    }

    [Fact]
    public async Task Two_posts_of_one_form_at_once_register_it_once_and_the_other_is_refused()
    {
        var posts = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await database.Send(Form(key: "same-form"), Caller.Public);
            }
            catch (DomainRefusalException)
            {
                return null;
            }
        })).ToList();

        var receipts = await Task.WhenAll(posts);

        Assert.Single(receipts, r => r is not null);
        Assert.Equal(1, await database.ReadAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task Only_the_codes_hash_is_stored()
    {
        var receipts = new List<PublicFeedbackReceipt>();
        for (var i = 0; i < 5; i++)
            receipts.Add(await database.Send(Form(contact: i % 2 == 0 ? "ona@example.lt" : null), Caller.Public));

        var tickets = await database.ReadAsync(db => db.PublicFeedbackTickets.AsNoTracking().ToListAsync());
        var stored = string.Join("\n", tickets.Select(t => $"{t.CodeHash} {t.SubmissionKey} {t.Language}"));
        foreach (var receipt in receipts)
        {
            var normalized = TrackingCode.Normalize(receipt.Code)!;
            Assert.DoesNotContain(normalized, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(receipt.Code, stored, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(tickets, t => t.CodeHash == TrackingCode.Hash(normalized));
        }
    }

    [Fact]
    public async Task Staff_roles_and_the_system_may_not_run_the_public_requests()
    {
        foreach (var role in Roles.All)
        {
            var staff = await database.CreateCallerAsync(role);
            await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(Form(), staff));
            await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetPublicFeedbackStatus("0000-0000-0000-0000-0000"), staff));
        }
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(Form(), Caller.System));
        Assert.Equal(0, await database.ReadAsync(db => db.Complaints.CountAsync()));
    }
}

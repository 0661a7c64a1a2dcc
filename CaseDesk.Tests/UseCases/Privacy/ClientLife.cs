using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Privacy;

public sealed record PrivacyStaff(Caller Reception, Caller Caseworker, Caller Head, Caller Officer, Caller Admin);

/// <summary>
/// Everything one client's life in CaseDesk leaves behind, seeded through the real use cases, with the ids of
/// every record and the distinctive strings (names, codes, contact details, a marker in every free text) that
/// must show in that client's subject access report, in no other client's, and nowhere after erasure.
/// </summary>
public sealed record ClientLife(
    Guid ClientId, string Marker, string FirstName, string LastName, string PersonalCode, string Phone, string Email, string Address,
    string HouseholdName, IReadOnlyList<Guid> CaseIds, IReadOnlyList<Guid> ContactIds, IReadOnlyList<Guid> PromiseIds,
    IReadOnlyList<Guid> PhoneMessageIds, IReadOnlyList<Guid> EmailIds, IReadOnlyList<Guid> LetterIds, IReadOnlyList<Guid> VisitIds,
    IReadOnlyList<Guid> ComplaintIds)
{
    /// <summary>Strings that identify the client, as staff see them.</summary>
    public IReadOnlyList<string> PersonalStrings => [Marker, FirstName, LastName, PersonalCode, Phone, Email, Address, HouseholdName];

    /// <summary>Also the forms only the database holds (the phone's search key); none may survive erasure anywhere in the database.</summary>
    public IReadOnlyList<string> StoredStrings => [.. PersonalStrings, Client.PhoneSearchKey(Phone)!];

    public static async Task<PrivacyStaff> StaffAsync(TestDatabase database)
    {
        var reception = await database.CreateUserAsync("reception", Roles.Reception);
        var caseworker = await database.CreateUserAsync("asta", Roles.Caseworker);
        await database.GiveSignatureAsync(caseworker, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
        var head = await database.CreateUserAsync("vadove", Roles.Head);
        var officer = await database.CreateUserAsync("kokybe", Roles.QualityOfficer);
        var admin = await database.CreateUserAsync("admin", Roles.Admin);
        return new PrivacyStaff(reception, caseworker, head, officer, admin);
    }

    public static string ValidPersonalCode(string firstTen) => firstTen + Domain.Clients.PersonalCode.CheckDigit(firstTen);

    /// <summary>
    /// A client with two cases, contacts with promises, two phone messages (one called back), two e-mails (one
    /// answered), two letters (one sent), two visits (one done, one rescheduled then cancelled), a complaint taken
    /// to the end and a thanked suggestion. The clock moves forward by a few days.
    /// </summary>
    public static async Task<ClientLife> SeedAsync(TestDatabase database, PrivacyStaff staff, string marker, string first, string last,
        string codeStart, string phone)
    {
        var email = $"{first.ToLowerInvariant()}.{marker.ToLowerInvariant()}@pastas.lt";
        var address = $"{marker} g. 7-2, Alytus";
        var household = $"{marker}ienė Rūta";
        var code = ValidPersonalCode(codeStart);
        var cw = staff.Caseworker;
        DateTime Now() => database.Clock.UtcDateTime;
        Task<Guid> VersionOf<T>(Guid id) where T : class, IVersioned =>
            database.ReadAsync(db => db.Set<T>().Where(e => EF.Property<Guid>(e, "Id") == id).Select(e => e.Version).SingleAsync());

        var clientId = await database.Send(new RegisterClient(first, last, code, null, phone, email, address, ["elderly"], ClientLanguage.Russian,
            $"Kalba rusiškai ({marker})", $"Vežimėlis, {marker}", true, $"Agresyvus sūnus {marker}", [new(household, "Dukra", 1990)],
            ConfirmedNotDuplicate: true), cw);
        var case1 = await database.Send(new OpenCase(clientId, $"Pagalba į namus {marker}", Casework.SocialServices, cw.UserId, null), cw);
        var case2 = await database.Send(new OpenCase(clientId, "Socialinė priežiūra", Casework.SocialServices, cw.UserId, null), cw);

        var contact1 = await database.Send(Casework.Contact(clientId, case1, Now().AddMinutes(-30), summary: $"{last} prašė pagalbos, {marker}",
            promises: [new($"Paskambinti {marker}", Now().AddDays(2))], nextMeeting: Now().AddDays(3)), cw);
        var contact2 = await database.Send(Casework.Contact(clientId, case2, Now().AddMinutes(-20), touchpoint: 9, summary: $"Aptarta su {first}, {marker}"), cw);

        var message1 = await database.Send(new TakePhoneMessage(Now().AddMinutes(-10), $"{first} {last}", null, null, phone,
            $"Prašo perskambinti dėl {marker}", cw.UserId, clientId, case1), staff.Reception);
        var message2 = await database.Send(new TakePhoneMessage(Now().AddMinutes(-5), $"{household}", "Seniūnija", "Seniūnė", phone,
            $"Klausia apie {last} ({marker})", cw.UserId, clientId, null), staff.Reception);
        database.Clock.Advance(TimeSpan.FromHours(1));
        await database.Send(new LogCallBack(message1, await VersionOf<PhoneMessage>(message1), clientId, case1, Now(),
            $"Perskambinta {marker}", null, null, null, null, null, null, []), cw);

        var email1 = await database.Send(new RegisterEmail(Now().AddMinutes(-5), email, $"{first} {last}", $"Dėl pagalbos {marker}",
            $"Laba diena, rašo {first} {last}. {marker}", clientId, case1, cw.UserId), staff.Reception);
        var email2 = await database.Send(new RegisterEmail(Now().AddMinutes(-4), email, null, $"Klausimas {marker}", $"Dar vienas klausimas {marker}",
            clientId, null, cw.UserId), staff.Reception);
        await database.Send(new ReplyToEmail(email1, await VersionOf<EmailEnquiry>(email1), $"Re: Dėl pagalbos {marker}",
            $"Gerb. {first}, atsakome. {marker}"), cw);

        var template = StandardLetterTemplates.Template("documents").Id;
        var letter1 = await database.Send(new ComposeLetter(case1, template), cw);
        var letter2 = await database.Send(new ComposeLetter(case2, template), cw);
        await database.Send(new MarkLetterSent(letter1, await VersionOf<InformationLetter>(letter1), Now(), LetterChannel.Post), cw);

        var visit1 = await database.Send(new OfferVisit(case1, $"Buities įvertinimas {marker}", IsInspection: false), cw);
        var visit2 = await database.Send(new OfferVisit(case2, $"Antras vizitas {marker}", IsInspection: false), cw);
        var second = staff.Head.UserId;
        var start = Now().AddDays(1);
        await database.Send(new AgreeVisit(visit1, await VersionOf<HomeVisit>(visit1), start, start.AddHours(1), second), cw);
        await database.Send(new AgreeVisit(visit2, await VersionOf<HomeVisit>(visit2), start.AddHours(2), start.AddHours(3), second), cw);
        await database.Send(new RescheduleVisit(visit2, await VersionOf<HomeVisit>(visit2), start.AddDays(1), start.AddDays(1).AddHours(1),
            $"Liga {marker}", Now(), $"Telefonu {marker}"), cw);
        await database.Send(new CancelVisit(visit2, await VersionOf<HomeVisit>(visit2), $"Klientas išvyko {marker}"), cw);
        database.Clock.SetUtcNow(start.AddMinutes(5));
        await database.Send(new RecordArrival(visit1, await VersionOf<HomeVisit>(visit1), Now()), cw);
        database.Clock.Advance(TimeSpan.FromMinutes(50));
        await database.Send(new RecordDeparture(visit1, await VersionOf<HomeVisit>(visit1), Now(), $"Apžiūrėta {marker}",
            null, null, null, null, null, null, []), cw);

        var complaint = await database.Send(ComplaintWork.Feedback(Now(), FeedbackKind.Complaint, clientId, case1, $"{first} {last} skundžiasi {marker}",
            [2], ["VIII"], $"{first} {last}", phone), staff.Officer);
        await database.TakeToAsync(complaint, ComplaintStage.Closed, staff.Officer, staff.Head);
        var suggestion = await database.Send(ComplaintWork.Feedback(Now(), FeedbackKind.Suggestion, clientId, null, $"Siūlymas {marker}", [5], ["XI"],
            null, email), staff.Officer);
        await database.Send(new ThankForSuggestion(suggestion, await VersionOf<Complaint>(suggestion), $"Padėkota {marker}"), staff.Officer);

        // Audited reads: the card, the code revealed on purpose.
        await database.Send(new GetClient(clientId), staff.Head);
        await database.Send(new RevealPersonalCode(clientId, "Pažymai"), cw);

        var contacts = await database.ReadAsync(db => db.Contacts.Where(c => c.ClientId == clientId).Select(c => c.Id).ToListAsync());
        // The call-back, the reply and the visit each left a contact too.
        Assert.InRange(contacts.Count, 5, 5 + 1);
        Assert.Contains(contact1, contacts);
        Assert.Contains(contact2, contacts);
        var promises = await database.ReadAsync(db => db.Promises.Where(p => p.ClientId == clientId).Select(p => p.Id).ToListAsync());
        Assert.NotEmpty(promises);
        return new ClientLife(clientId, marker, first, last, code, phone, email, address, household, [case1, case2], contacts, promises,
            [message1, message2], [email1, email2], [letter1, letter2], [visit1, visit2], [complaint, suggestion]);
    }

    /// <summary>Keeps every promise and closes both cases, so the client's record may be erased.</summary>
    public static async Task CloseEverythingAsync(TestDatabase database, ClientLife life, Caller caseworker)
    {
        foreach (var promise in life.PromiseIds)
        {
            var open = await database.ReadAsync(db => db.Promises.Where(p => p.Id == promise).Select(p => new { p.Version, p.DoneAtUtc }).SingleAsync());
            if (open.DoneAtUtc is null)
                await database.Send(new CheckOffPromise(promise, open.Version, "Padaryta"), caseworker);
        }
        foreach (var caseId in life.CaseIds)
        {
            var version = await database.ReadAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
            await database.Send(new CloseCase(caseId, version, CaseOutcome.ServiceGranted, "Paslauga suteikta"), caseworker);
        }
    }
}

using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Reference;

namespace CaseDesk.Tests.Support;

/// <summary>Short ways to put clients, cases and contacts into a <see cref="TestDatabase"/> through the real use cases.</summary>
public static class Casework
{
    public static readonly Guid SocialServices = StandardReferenceData.Units[1].Id;

    public static RegisterClient NewClient(string first = "Jonas", string last = "Petraitis", string? code = null, string? phone = null,
        bool twoEmployees = false, bool confirmed = false) =>
        new(first, last, code, null, phone, null, "Vilniaus g. 1, Alytus", [], ClientLanguage.Lithuanian, null, null,
            twoEmployees, twoEmployees ? "Agresyvus elgesys 2025 m." : null, [], confirmed);

    public static UpdateClient Edit(ClientDetails c, Guid version, string? phone = null, string? lastName = null) =>
        new(c.Id, version, c.FirstName, lastName ?? c.LastName, null, c.BirthDate, phone ?? c.Phone, c.Email, c.Address, c.Groups, c.Language,
            c.LanguageNote, c.AccessibilityNeeds, c.MeetWithTwoEmployees, c.SafetyNote, c.Household);

    public static Task<Guid> RegisterAsync(this TestDatabase db, Caller caller, string first = "Jonas", string last = "Petraitis", string? code = null, string? phone = null) =>
        db.Send(NewClient(first, last, code, phone), caller);

    public static Task<Guid> OpenCaseAsync(this TestDatabase db, Caller caller, Guid clientId, string? assignTo = null, string service = "Pagalba namuose") =>
        db.Send(new OpenCase(clientId, service, SocialServices, assignTo, null), caller);

    public static LogContact Contact(Guid clientId, Guid? caseId, DateTime atUtc, int touchpoint = 5, ContactChannel channel = ContactChannel.OfficeVisit,
        string summary = "Konsultacija dėl paslaugos", IReadOnlyList<PromiseInput>? promises = null, DateTime? nextMeeting = null) =>
        new(clientId, caseId, touchpoint, channel, ContactDirection.FaceToFace, atUtc, summary, "Aptarta", "Nuspręsta", "Atlikta", "Kitas žingsnis",
            nextMeeting, null, promises ?? []);
}

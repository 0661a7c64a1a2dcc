using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.PhoneMessages;

/// <summary>Clients, cases and staff profiles that the phone-message and e-mail tests start from.</summary>
internal static class CallsAndMail
{
    public static readonly Guid ServicesUnit = StandardReferenceData.Units[1].Id;

    public static Task<Guid> RegisterClientAsync(this TestDatabase database, Caller by, string first, string last, string? phone = null) =>
        database.Send(new RegisterClient(first, last, null, null, phone, null, null, [], ClientLanguage.Lithuanian, null, null, false, null, [],
            ConfirmedNotDuplicate: true), by);

    public static Task<Guid> OpenCaseAsync(this TestDatabase database, Caller by, Guid clientId, string? assignTo = null) =>
        database.Send(new OpenCase(clientId, "Pagalba į namus", ServicesUnit, assignTo, null), by);

    /// <summary>Completes a test user's profile so their e-mail signature (section 11) is whole.</summary>
    public static async Task GiveSignatureAsync(this TestDatabase database, Caller who, string first, string last, string position, string phone)
    {
        await using var db = database.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Id == who.UserId);
        (user.FirstName, user.LastName, user.Position, user.PhoneNumber, user.UnitId) = (first, last, position, phone, ServicesUnit);
        await db.SaveChangesAsync();
    }

    public static Task<List<Contact>> ContactsAsync(this TestDatabase database) =>
        database.ReadAsync(db => db.Contacts.AsNoTracking().ToListAsync());
}

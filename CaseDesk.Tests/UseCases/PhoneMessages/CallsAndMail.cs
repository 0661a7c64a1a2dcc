using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.PhoneMessages;

/// <summary>Staff profiles and stored contacts for the phone-message and e-mail tests (clients and cases: <see cref="Casework"/>).</summary>
internal static class CallsAndMail
{
    /// <summary>Completes a test user's profile so their e-mail signature (section 11) is whole.</summary>
    public static async Task GiveSignatureAsync(this TestDatabase database, Caller who, string first, string last, string position, string phone)
    {
        await using var db = database.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Id == who.UserId);
        (user.FirstName, user.LastName, user.Position, user.PhoneNumber, user.UnitId) = (first, last, position, phone, Casework.SocialServices);
        await db.SaveChangesAsync();
    }

    public static Task<List<Contact>> ContactsAsync(this TestDatabase database) =>
        database.ReadAsync(db => db.Contacts.AsNoTracking().ToListAsync());
}

using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Reference;

namespace CaseDesk.Tests.Browser;

public sealed record BrowserCase(Guid ClientId, Guid CaseId, string Number, string ClientName);

/// <summary>
/// Registers a client and opens a case assigned to a demo caseworker through the domain's own sender,
/// on the running app's SQLite file (WAL and a busy timeout make the two writers safe).
/// </summary>
public static class BrowserCaseSeed
{
    /// <summary>A random run of lower-case letters, to make a name unique: names take letters only.</summary>
    public static string Letters(int count) =>
        new(Guid.NewGuid().ToString("N")[..count].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());

    private static readonly Guid SocialServicesUnit = StandardReferenceData.Units.Single(u => u.Code == "social-services").Id;

    public static async Task<BrowserCase> CaseForAsync(AppProcess app, string caseworkerUserName, string firstName, string lastName,
        bool meetWithTwoEmployees = false, string service = "Pagalba į namus")
    {
        await using var domain = new DomainAccess(app);
        var caseworkerId = await domain.UserIdAsync(caseworkerUserName);
        var clientId = await domain.SendAsync(new RegisterClient(firstName, lastName, null, null, "+370 612 34567", null, "Vilniaus g. 12-3, Alytus",
            [], ClientLanguage.Lithuanian, null, null, meetWithTwoEmployees, null, [], ConfirmedNotDuplicate: true));
        var caseId = await domain.SendAsync(new OpenCase(clientId, service, SocialServicesUnit, caseworkerId, null));
        var @case = await domain.SendAsync(new GetCase(caseId));
        return new BrowserCase(clientId, caseId, @case.Number, $"{firstName} {lastName}");
    }
}

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

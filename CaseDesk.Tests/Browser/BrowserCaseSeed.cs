using CaseDesk.Domain;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaseDeskDomain($"Data Source={app.DatabasePath}");
        await using var provider = services.BuildServiceProvider();
        string caseworkerId;
        await using (var scope = provider.CreateAsyncScope())
        {
            caseworkerId = await scope.ServiceProvider.GetRequiredService<CaseDeskDb>().Users
                .Where(u => u.UserName == caseworkerUserName).Select(u => u.Id).SingleAsync();
        }
        var sender = provider.GetRequiredService<ICaseDeskSender>();
        var clientId = await sender.Send(new RegisterClient(firstName, lastName, null, null, "+370 612 34567", null, "Vilniaus g. 12-3, Alytus",
            [], ClientLanguage.Lithuanian, null, null, meetWithTwoEmployees, null, [], ConfirmedNotDuplicate: true), Caller.System);
        var caseId = await sender.Send(new OpenCase(clientId, service, SocialServicesUnit, caseworkerId, null), Caller.System);
        var @case = await sender.Send(new GetCase(caseId), Caller.System);
        return new BrowserCase(clientId, caseId, @case.Number, $"{firstName} {lastName}");
    }
}

using System.Collections.Concurrent;
using System.Net;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseDesk.Tests.Hosting;

/// <summary>
/// No personal data in logs: the whole app runs with every log category at Debug into a capturing provider
/// while a flow registers, searches, reads, edits (including a conflict, a validation failure and a refusal)
/// and opens pages of a client; none of the client's personal data may appear in any log line.
/// </summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private const string FirstName = "Eglutė";
    private const string LastName = "Žvirblytė-Logauskienė";
    private const string Code = "49001011238";
    private const string Phone = "+370 611 98765";
    private const string Email = "egle.logauskiene@pastas.lt";
    private const string Address = "Rožių g. 77-13, Alytus";
    private const string Relative = "Vytautas Logauskas";

    private readonly CapturingLoggerProvider logs = new();
    private readonly CaseDeskAppFactory factory = new();
    private WebApplicationFactory<Program> app = default!;

    public Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            // A rule for this provider wins over appsettings' category levels: it sees everything from Debug up.
            logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Debug);
            logging.AddProvider(logs);
        }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_flow_over_a_clients_personal_data_leaves_none_of_it_in_the_log()
    {
        var sender = app.Services.GetRequiredService<ICaseDeskSender>();
        var reception = await CallerAsync("reception", Roles.Reception);
        var caseworker = await CallerAsync("caseworker", Roles.Caseworker);
        var admin = await CallerAsync("admin", Roles.Admin);

        var register = new RegisterClient(FirstName, LastName, Code, new DateOnly(1990, 1, 1), Phone, Email, Address, [], ClientLanguage.Lithuanian,
            null, "Klausos aparatas", false, null, [new HouseholdMemberInput(Relative, "sūnus", 2012)], ConfirmedNotDuplicate: true);
        var id = await sender.Send(register, reception);
        await Assert.ThrowsAsync<RequestValidationException>(() => sender.Send(register with { Email = Email + " not an address", PersonalCode = Code + "9" }, reception));
        await sender.Send(new FindClients(new ListWindow(Search: Code)), reception);
        await sender.Send(new FindClients(new ListWindow(Search: Phone)), reception);
        await sender.Send(new FindClients(new ListWindow(Search: LastName[..6])), caseworker);
        await sender.Send(new FindPossibleDuplicates(FirstName, LastName, Code, Phone, new DateOnly(1990, 1, 1)), reception);
        var card = await sender.Send(new GetClient(id), reception);
        Assert.Equal(Code, await sender.Send(new RevealPersonalCode(id, "Tikrinu tapatybę"), reception));
        // A cash support case nobody has yet: for the (services) caseworker, a client of another unit.
        var caseId = await sender.Send(new OpenCase(id, "Pagalba namuose", Domain.Reference.StandardReferenceData.Units[2].Id, null, null), reception);
        await sender.Send(Casework.Edit(card, card.Version, phone: "+370 611 98766"), reception);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sender.Send(Casework.Edit(card, card.Version, phone: Phone), reception));
        await Assert.ThrowsAsync<Domain.Privacy.AccessReasonRequiredException>(() => sender.Send(new GetCase(caseId), caseworker));
        var seen = await sender.Send(new GetCase(caseId, "Klientė skambino dėl paramos"), caseworker);
        await Assert.ThrowsAsync<DomainRefusalException>(() => sender.Send(new CloseCase(caseId, seen.Version, CaseOutcome.ServiceRefused, " "), caseworker));
        await sender.Send(new ListAuditEntries(new ListWindow(Search: id.ToString()), AuditFilter.None), admin);

        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await LoginTests.SignIn(browser, "caseworker", DatabaseInitializer.DemoPassword)).Dispose();
        using var clientPage = await browser.GetAsync($"/clients/{id}");
        using var casePage = await browser.GetAsync($"/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, clientPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);

        var lines = logs.Lines.ToList();
        Assert.True(lines.Count > 50, $"Only {lines.Count} log lines were captured: is the capturing provider wired in?");
        Assert.Contains(lines, l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command")); // SQL was logged, at Debug
        Assert.Contains(lines, l => l.Contains($"/clients/{id}")); // so were the requests: a name in a URL would show
        var personal = new[] { FirstName, LastName, "Logausk", Code, Phone, "98765", "98766", Email, "Rožių", Relative, "Klausos aparatas", "Tikrinu tapatybę", "Klientė skambino" };
        var leaks = lines.Where(l => personal.Any(p => l.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the log:\n" + string.Join("\n", leaks.Take(20)));
    }

    private async Task<Caller> CallerAsync(string userName, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No demo user {userName}.");
        return new Caller(user.Id, userName, new HashSet<string> { role });
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> lines = new();

        public IEnumerable<string> Lines => lines;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The message, every structured value and the exception: whatever a real sink could write.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}

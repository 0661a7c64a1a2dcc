using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseDesk.Domain;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using IPage = Microsoft.Playwright.IPage;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 3's phone flow in a real browser: reception takes a message for Asta → Asta sees the call-back
/// in My work → links the caller to the client, logs the call-back → it is a contact on touchpoint 2.
/// </summary>
public sealed class PhoneMessageFlowTests : IAsyncLifetime
{
    private TemporaryApp app = default!;
    private IPlaywright playwright = default!;
    private IBrowser browser = default!;

    public async Task InitializeAsync()
    {
        app = await TemporaryApp.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await app.DisposeAsync();
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "lt-LT" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(DatabaseInitializer.DemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(userName);
        await Expect(page.Locator("main[data-interactive=true]")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Reception_takes_a_message_the_caseworker_calls_back_and_it_is_a_contact_on_touchpoint_2()
    {
        var clientId = await app.SendAsync(new RegisterClient("Ona", "Jonaitienė", null, null, "+370 612 34567", null, null, [],
            ClientLanguage.Lithuanian, null, null, false, null, []));

        // Reception writes down the call for Asta, who is out.
        var reception = await SignInAsync("reception");
        await reception.GotoAsync("/phone-messages");
        await Expect(reception.Locator("main[data-interactive=true]")).ToBeVisibleAsync();
        await reception.GetByTestId("take-message").ClickAsync();
        var form = reception.GetByTestId("take-message-form");
        await form.Locator("input[name=CallerName]").FillAsync("Ona Jonaitienė");
        await form.Locator("input[name=Phone]").FillAsync("+370 612 34567");
        await form.Locator("textarea[name=Message]").FillAsync("Prašo paskambinti dėl pagalbos į namus: kokių dokumentų reikia.");
        await form.GetByTestId("addressee-picker").ClickAsync();
        await reception.Locator(".rz-dropdown-item", new PageLocatorOptions { HasText = "Asta Petrauskienė" }).ClickAsync();
        await Expect(form.GetByTestId("addressee-picker")).ToContainTextAsync("Asta Petrauskienė");
        await form.GetByTestId("save-message").ClickAsync();
        await Expect(form).ToBeHiddenAsync();
        var row = reception.GetByTestId("messages-grid").Locator("tr", new LocatorLocatorOptions { HasText = "Ona Jonaitienė" });
        await Expect(row).ToContainTextAsync("Asta Petrauskienė");

        // Asta, in her own browser, finds the call-back in My work.
        var asta = await SignInAsync("caseworker");
        var item = asta.Locator("[data-testid=work-item][data-kind=CallBack]");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.GetByTestId("work-title")).ToHaveTextAsync("Ona Jonaitienė · +370 612 34567");
        await item.GetByTestId("open-call-back").ClickAsync();
        var dialog = asta.GetByTestId("phone-message");
        await Expect(dialog.GetByTestId("message-text")).ToContainTextAsync("kokių dokumentų reikia");
        await dialog.GetByTestId("log-call-back").ClickAsync();

        // The message has no client yet: she finds Ona and logs what was said (8.4).
        var callBack = asta.GetByTestId("call-back-form");
        await callBack.GetByTestId("client-search").FillAsync("Jonait");
        await callBack.GetByTestId("choose-client").Filter(new LocatorFilterOptions { HasText = "Ona Jonaitienė" }).ClickAsync();
        await Expect(callBack.GetByTestId("chosen-client")).ToHaveTextAsync("Ona Jonaitienė");
        await callBack.Locator("textarea[name=Summary]").FillAsync("Atskambinau: paaiškinau, kokių dokumentų reikia pagalbai į namus.");
        await callBack.Locator("textarea[name=NextStep]").FillAsync("Klientė atneš prašymą pirmadienį.");
        await callBack.GetByTestId("save-call-back").ClickAsync();

        // The call-back leaves My work and shows on Ona's record as a contact on touchpoint 2.
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(asta.Locator("[data-testid=work-item][data-kind=CallBack]")).ToHaveCountAsync(0);
        await Expect(asta.GetByTestId("my-work-empty")).ToBeVisibleAsync();
        await asta.GotoAsync($"/clients/{clientId}");
        var contacts = asta.GetByTestId("contacts-grid");
        await Expect(contacts.GetByTestId("contact-touchpoint")).ToHaveTextAsync(["2"]);
        await Expect(contacts).ToContainTextAsync("Atskambinau: paaiškinau");

        var contact = await app.ReadAsync(db => db.Contacts.AsNoTracking().SingleAsync());
        Assert.Equal((clientId, 2, ContactChannel.PhoneOut, nameof(PhoneMessage)), (contact.ClientId, contact.Touchpoint, contact.Channel, contact.SourceKind));
        var message = await app.ReadAsync(db => db.PhoneMessages.AsNoTracking().SingleAsync());
        Assert.Equal((contact.Id, (Guid?)clientId), (message.CallBackContactId, message.ClientId));
    }

    /// <summary>The built app as its own process on a free port, Development, demo logins, a temp database.</summary>
    private sealed class TemporaryApp : IAsyncDisposable
    {
        private readonly Process process;
        private readonly string folder;
        private readonly ServiceProvider domain;

        private TemporaryApp(Process process, string folder, string baseUrl, string connectionString)
        {
            this.process = process;
            this.folder = folder;
            BaseUrl = baseUrl;
            ConnectionString = connectionString;
            domain = new ServiceCollection().AddLogging().AddCaseDeskDomain(connectionString).Services.BuildServiceProvider();
        }

        public string BaseUrl { get; }

        public string ConnectionString { get; }

        public static async Task<TemporaryApp> StartAsync()
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casedesk-tests", Guid.NewGuid().ToString("N"))).FullName;
            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "casedesk.db") }.ToString();
            var port = FreePort();
            var exe = Directory.EnumerateFiles(SourceTree.PathOf("CaseDesk.App", "bin"), "CaseDesk.App", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc).First();
            var start = new ProcessStartInfo(exe) { WorkingDirectory = SourceTree.PathOf("CaseDesk.App"), RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ConnectionStrings__CaseDesk"] = connectionString;
            start.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
            start.Environment["Demo__Seed"] = "true";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new TemporaryApp(process, folder, $"http://127.0.0.1:{port}", connectionString);
            using var http = new HttpClient();
            var until = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                Assert.False(process.HasExited, "The app stopped during start-up.");
                try
                {
                    if ((await http.GetAsync($"{app.BaseUrl}/health")).IsSuccessStatusCode)
                        return app;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < until)
                {
                    // not listening yet
                }
                Assert.True(DateTime.UtcNow < until, "The app did not become healthy within 60 s.");
                await Task.Delay(200);
            }
        }

        public Task<T> SendAsync<T>(MediatR.IRequest<T> request) =>
            domain.GetRequiredService<ICaseDeskSender>().Send(request, Caller.System);

        public async Task<T> ReadAsync<T>(Func<CaseDeskDb, Task<T>> read)
        {
            await using var scope = domain.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<CaseDeskDb>());
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await domain.DisposeAsync();
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Net;
using System.Text.Json;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Hosting;

[Collection(AppCollection.Name)]
public sealed class HostTests(CaseDeskAppFactory app)
{
    [Fact]
    public async Task Health_answers_healthy_without_signing_in()
    {
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task The_app_runs_on_the_configured_database_file()
    {
        using var client = app.CreateBrowser();
        using var response = await client.GetAsync("/health");

        Assert.True(File.Exists(app.DatabasePath), $"Expected the app to create {app.DatabasePath}.");
        Assert.NotEmpty(Directory.GetFiles(app.KeysFolder, "key-*.xml"));
    }

    [Fact]
    public async Task An_anonymous_visit_to_the_home_page_is_sent_to_sign_in()
    {
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }
}

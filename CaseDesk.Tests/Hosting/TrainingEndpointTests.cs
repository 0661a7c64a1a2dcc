using System.Net;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Training;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Hosting;

/// <summary>The session pack's Markdown download over real HTTP: for trainers (and the officer), nobody else.</summary>
[Collection(AppCollection.Name)]
public sealed class TrainingEndpointTests(CaseDeskAppFactory app)
{
    private async Task<Guid> PackAsync()
    {
        var sender = app.Services.GetRequiredService<ICaseDeskSender>();
        var incident = await sender.Send(new RecordIncident(IncidentType.DifficultCall, 2, ["VIII"], DateTime.UtcNow.AddHours(-1),
            "Skambino Kazys Gudaitis, tel. 861234567, ir keikėsi.", "Darbuotoja ramiai paaiškino.", null, null, null, [], ["Kazys Gudaitis"]), Caller.System);
        var review = await sender.Send(new GetIncidentReview(incident), Caller.System);
        await sender.Send(new ReleaseTrainingCopy(review.Copy.Id, review.Copy.Version), Caller.System);
        return await sender.Send(new SaveSessionPack(null, null, "Sunkūs skambučiai", null, [new PackItemInput(review.Copy.Id, "Ką pasakytumėte?")]), Caller.System);
    }

    private static async Task<HttpClient> SignedInAsync(CaseDeskAppFactory app, string userName)
    {
        var browser = app.CreateBrowser();
        using var page = await browser.GetAsync("/account/login");
        var form = HtmlPage.Inputs(await page.Content.ReadAsStringAsync());
        using var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form["_handler"],
            ["__RequestVerificationToken"] = form["__RequestVerificationToken"],
            ["Input.UserName"] = userName,
            ["Input.Password"] = DatabaseInitializer.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    [Fact]
    public async Task A_trainer_downloads_the_pack_as_markdown_without_the_names_and_a_receptionist_is_refused()
    {
        var pack = await PackAsync();
        using var trainer = await SignedInAsync(app, "trainer");
        using var reception = await SignedInAsync(app, "reception");

        using var file = await trainer.GetAsync($"/training/packs/{pack}/markdown");
        using var refused = await reception.GetAsync($"/training/packs/{pack}/markdown");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/markdown", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sunkus-skambuciai.md", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var markdown = await file.Content.ReadAsStringAsync();
        Assert.StartsWith("# Sunkūs skambučiai", markdown);
        Assert.Contains("Skambino Asmuo A, tel. [telefonas], ir keikėsi.", markdown);
        Assert.DoesNotContain("Gudait", markdown);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_demo_data_gives_the_trainer_released_incidents_and_a_pack_and_the_officer_drafts_to_review()
    {
        var sender = app.Services.GetRequiredService<ICaseDeskSender>();

        var packs = await sender.Send(new ListSessionPacks(), Caller.System);
        var drafts = await sender.Send(new ListIncidents(IncidentListFilter.ToReview, new ListWindow(Take: 200)), Caller.System);
        var released = await sender.Send(new ListIncidents(IncidentListFilter.Released, new ListWindow(Take: 200)), Caller.System);

        Assert.Contains(packs, p => p is { Title: "Sudėtingi klientai (9.1, 9.6)", Incidents: 2 });
        Assert.True(drafts.Total >= 2, $"{drafts.Total} drafts");
        Assert.True(released.Total >= 4, $"{released.Total} released");
        foreach (var row in released.Items.Where(r => r.SourceClientId is not null))
        {
            var review = await sender.Send(new GetIncidentReview(row.Id), Caller.System);
            var client = review.People.First(p => p.Role == PersonRole.Client);
            Assert.Contains(client.Name, review.WhatHappened);
            Assert.DoesNotContain(client.Name.Split(' ')[^1], review.Copy.Situation + review.Copy.Outcome, StringComparison.OrdinalIgnoreCase);
        }
    }
}

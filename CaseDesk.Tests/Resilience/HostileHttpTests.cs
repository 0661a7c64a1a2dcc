using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Resilience;

/// <summary>POST /api/contacts over real HTTP: hostile bodies get a 4xx answer, never a 500; script text is stored as text and shown encoded.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileHttpTests(CaseDeskAppFactory app)
{
    private async Task<(Guid ClientId, Guid CaseId)> OpenCaseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        var open = await db.Cases.Where(c => c.ClosedAtUtc == null).OrderBy(c => c.Id).Select(c => new { c.Id, c.ClientId }).FirstAsync();
        return (open.ClientId, open.Id);
    }

    private static string Body(Guid clientId, Guid caseId, string? summary = "Skambino dėl pašalpos", string channel = "\"PhoneIn\"",
        string touchpoint = "3", string occurred = "\"2026-01-05T10:00:00Z\"", string promises = "[]") =>
        $$"""{"clientId":"{{clientId}}","caseId":"{{caseId}}","touchpoint":{{touchpoint}},"channel":{{channel}},"direction":"FromClient","occurredAtUtc":{{occurred}},"summary":{{JsonSerializer.Serialize(summary)}},"promises":{{promises}}}""";

    public static IEnumerable<object[]> HostileBodies()
    {
        yield return ["empty", ""];
        yield return ["null", "null"];
        yield return ["array", "[]"];
        yield return ["truncated", "{\"clientId\":"];
        yield return ["not a guid", "{\"clientId\":\"'; DROP TABLE Clients;--\"}"];
        yield return ["nesting 10,000 deep", new string('[', 10_000) + new string(']', 10_000)];
        yield return ["nesting in a field", "{\"summary\":" + new string('{', 5_000) + "}"];
        yield return ["number overflow", "{\"touchpoint\":1e400}"];
        yield return ["unknown channel", "{\"channel\":\"Pigeon\"}"];
        yield return ["channel out of range", "{\"channel\":999}"];
        yield return ["date out of range", "{\"occurredAtUtc\":\"10000-01-01T00:00:00Z\"}"];
        yield return ["NUL escapes", "{\"summary\":\"\\u0000\\u0000\"}"];
        yield return ["only a summary", "{\"summary\":\"\u00ff\u00fe\"}"];
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_malformed_body_gets_400_not_500(string what, string body)
    {
        using var session = await ApiSession.SignInAsync(app.CreateBrowser(), "caseworker");

        using var response = await session.PostRawAsync("/api/contacts", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Hostile_field_values_are_answered_with_4xx_or_stored_never_500()
    {
        var (clientId, caseId) = await OpenCaseAsync();
        using var session = await ApiSession.SignInAsync(app.CreateBrowser(), "caseworker");
        var bodies = new List<string>();
        foreach (var text in HostileInputTests.HostileStrings.Append(new string('y', 1_000_000)))
            bodies.Add(Body(clientId, caseId, text));
        bodies.Add(Body(clientId, caseId, summary: null));
        bodies.Add(Body(Guid.NewGuid(), caseId));
        bodies.Add(Body(Guid.Empty, Guid.Empty));
        bodies.Add(Body(clientId, caseId, touchpoint: "2147483647"));
        bodies.Add(Body(clientId, caseId, touchpoint: "-2147483648"));
        bodies.Add(Body(clientId, caseId, channel: "0"));
        bodies.Add(Body(clientId, caseId, occurred: "\"0001-01-01T00:00:00\""));
        bodies.Add(Body(clientId, caseId, occurred: "\"9999-12-31T23:59:59.9999999Z\""));
        bodies.Add(Body(clientId, caseId, promises: "[null]"));
        bodies.Add(Body(clientId, caseId, promises: """[{"text":"<b>x</b>","dueAtUtc":"9999-12-31T23:59:59Z"}]"""));
        bodies.Add(Body(clientId, caseId, promises: "[" + string.Join(",", Enumerable.Repeat("""{"text":"p","dueAtUtc":"2026-01-09T10:00:00Z"}""", 5_000)) + "]"));

        var statuses = new List<string>();
        foreach (var body in bodies)
        {
            using var response = await session.PostRawAsync("/api/contacts", body);
            statuses.Add($"{(int)response.StatusCode}");
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
                $"HTTP {(int)response.StatusCode} for {body[..Math.Min(body.Length, 200)]}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Contains("201", statuses);
        Assert.Contains("400", statuses);
    }

    [Fact]
    public async Task The_answers_are_201_400_403_and_the_write_needs_the_antiforgery_header()
    {
        var (clientId, caseId) = await OpenCaseAsync();
        using var caseworker = await ApiSession.SignInAsync(app.CreateBrowser(), "caseworker");

        using (var created = await caseworker.PostRawAsync("/api/contacts", Body(clientId, caseId)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Assert.Equal($"/api/contacts/{id}", created.Headers.Location?.OriginalString);
        }
        using (var invalid = await caseworker.PostRawAsync("/api/contacts", Body(clientId, caseId, summary: "")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("Summary", out _), problem.ToString());
        }

        using var quality = await ApiSession.SignInAsync(app.CreateBrowser(), "quality");
        using (var denied = await quality.PostRawAsync("/api/contacts", Body(clientId, caseId)))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        caseworker.Http.DefaultRequestHeaders.Remove("RequestVerificationToken");
        using (var forged = await caseworker.PostRawAsync("/api/contacts", Body(clientId, caseId)))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var anonymous = app.CreateBrowser();
        using (var signedOut = await anonymous.PostAsync("/api/contacts", new StringContent(Body(clientId, caseId), System.Text.Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    [Fact]
    public async Task Script_text_in_a_stored_name_is_shown_encoded_in_the_server_rendered_report()
    {
        const string script = "<script>alert(1)</script>";
        Guid clientId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
            var head = await db.Users.Where(u => u.UserName == "head").Select(u => u.Id).SingleAsync();
            var caller = new Caller(head, "head", new HashSet<string> { Roles.Head });
            var sender = scope.ServiceProvider.GetRequiredService<ICaseDeskSender>();
            clientId = await sender.Send(Casework.NewClient("Skriptas", "Skriptaitis", confirmed: true), caller);
            await sender.Send(new OpenCase(clientId, "Pagalba namuose", Casework.SocialServices, null, null), caller);
            // A name typed today refuses markup (TextRules.PersonName); one stored before that rule must still show encoded.
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            client.Rename("Skriptas", script);
            await db.SaveChangesAsync();
        }
        using var browser = app.CreateBrowser();
        await ApiSession.SignInAsync(browser, "head");

        // The client card and case page load their data once the circuit is live (one audited read, not two), so the
        // server-rendered HTML of the subject access report is where the stored name is rendered on the server.
        var html = await browser.GetStringAsync($"/clients/{clientId}/subject-access");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain(script, html);
    }
}

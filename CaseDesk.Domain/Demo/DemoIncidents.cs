using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Domain.Demo;

/// <summary>
/// A few incidents for the demo logins, made through the real use cases (so anonymized like any other):
/// four released with a session pack for the trainer, two drafts waiting for the standard officer.
/// </summary>
public static class DemoIncidents
{
    private static readonly (IncidentType Type, int Touchpoint, string Commitment, string What, string How, string Outcome)[] Stories =
    [
        (IncidentType.AggressiveClient, 5, "VI",
            "{0} atėjo be registracijos ir ant Astos Petrauskienės pradėjo šaukti, kad išmoka vėluoja. Skambino ir iš telefono {1}.",
            "Petrauskienė pakvietė kolegą, kalbėjo dviese (9.6), pasiūlė atsisėsti ir paaiškino, kodėl sprendimas dar nepriimtas.",
            "{0} nurimo, susitarta, kad atsakymas bus išsiųstas per 3 darbo dienas."),
        (IncidentType.DifficultCall, 2, "VIII",
            "{0} paskambino trečią kartą per savaitę: niekas neperskambino, nors buvo žadėta.",
            "Registratorė užrašė pranešimą, perdavė atvejį vadovui ir pasakė, kas ir kada paskambins.",
            "Perskambinta tą pačią dieną, klientui atsiprašyta."),
        (IncidentType.Error, 6, "X",
            "Informaciniame laiške {0} nurodyta klaidinga dokumentų pateikimo data.",
            "Klaida pastebėta po kliento skambučio; išsiųstas pataisytas laiškas ir atsiprašyta.",
            "Laiškų šablonas pataisytas, kad klaida nesikartotų."),
        (IncidentType.IntoxicatedClient, 7, "VII",
            "Vizito metu {0} buvo neblaivus, namuose buvo ir kaimynas.",
            "Vizitas sutrumpintas, susitarta dėl kito laiko, apie situaciją informuotas vadovas.",
            "Kitas vizitas įvyko po savaitės, dalyvavo du darbuotojai."),
        (IncidentType.Conflict, 9, "III",
            "{0} nesutiko su paslaugos apimtimi ir reikalavo kito darbuotojo.",
            "Išklausyta, paaiškintas sprendimas ir jo priežastys, pasiūlyta kreiptis dėl peržiūros.",
            "Klientas pateikė prašymą peržiūrėti sprendimą."),
        (IncidentType.Complaint, 3, "IX",
            "{0} parašė, kad į jo el. laišką niekas neatsakė dvi savaites.",
            "Laiškas rastas bendroje dėžutėje, atsakyta ir atsiprašyta.",
            "Nustatyta dėžutės tikrinimo tvarka."),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var sender = services.GetRequiredService<ICaseDeskSender>();
        List<(Guid Id, string Name, string? Phone)> clients;
        string[] employees;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
            if (await db.Incidents.AnyAsync(ct))
                return;
            clients = (await db.Clients.AsNoTracking().OrderBy(c => c.CreatedAtUtc).Take(Stories.Length)
                .Select(c => new { c.Id, c.FirstName, c.LastName, c.Phone }).ToListAsync(ct))
                .Select(c => (c.Id, $"{c.FirstName} {c.LastName}", c.Phone)).ToList();
            employees = await db.Users.AsNoTracking().Where(u => u.UserName == "caseworker").Select(u => u.Id).ToArrayAsync(ct);
        }
        if (clients.Count < Stories.Length)
            return;

        var clock = services.GetRequiredService<TimeProvider>();
        var copies = new List<Guid>();
        for (var i = 0; i < Stories.Length; i++)
        {
            var (type, touchpoint, commitment, what, how, outcome) = Stories[i];
            var (clientId, name, phone) = clients[i];
            var id = await sender.Send(new RecordIncident(type, touchpoint, [commitment], clock.GetUtcNow().UtcDateTime.AddDays(-20 + i * 3),
                string.Format(what, name, phone ?? "+370 600 12345"), how, string.Format(outcome, name), clientId, null, employees, []), Caller.System, ct);
            if (i >= 4)
                continue;
            var review = await sender.Send(new GetIncidentReview(id), Caller.System, ct);
            await sender.Send(new ReleaseTrainingCopy(review.Copy.Id, review.Copy.Version), Caller.System, ct);
            copies.Add(review.Copy.Id);
        }
        await sender.Send(new SaveSessionPack(null, null, "Sudėtingi klientai (9.1, 9.6)", "Kas padėjo nuraminti situaciją? Ką darytume kitaip?",
            copies.Take(2).Select(c => new PackItemInput(c, "Kurie standarto įsipareigojimai čia svarbiausi?")).ToList()), Caller.System, ct);
    }
}

namespace CaseDesk.Domain.Reference;

/// <summary>
/// The client service standard's reference data, quoted from its Lithuanian original
/// (shared/seeds/004_*.txt, sections 2, 4 and 5) with English from DOMAIN.md.
/// </summary>
public static class StandardReferenceData
{
    public static IReadOnlyList<Touchpoint> Touchpoints { get; } =
    [
        new() { Number = 1, Phase = JourneyPhase.BeforeArriving,
            NameLt = "Alytaus miesto savivaldybės administracijos interneto svetainė", NameEn = "Municipality website",
            NeedsLt = "Greitai gauti suprantamą informaciją apie pageidaujamas paslaugas bei tiksliai atlikti tolimesnius veiksmus",
            NeedsEn = "Quickly get understandable information about the wanted services and know exactly what to do next",
            RepresentativesLt = "Vedėjo pavaduotojas, vyr. specialistai, Komunikacijos skyrius",
            RepresentativesEn = "Deputy head, chief specialists, communication division" },
        new() { Number = 2, Phase = JourneyPhase.BeforeArriving,
            NameLt = "Skambutis telefonu į Socialinės paramos skyrių", NameEn = "Phone call to the department",
            NeedsLt = "Greitai prisiskambinti. Gauti išsamią informaciją apie pageidaujamas paslaugas. Gauti tikslią informaciją apie paslaugos laukimo trukmę. Pagarbus, pozityvus bendravimas.",
            NeedsEn = "Get through quickly. Full information on the service. Exact information on how long the service will take. Respectful, positive talk.",
            RepresentativesLt = "Skambučių centras. Pagal kliento poreikį nukreipiama atitinkamam darbuotojui",
            RepresentativesEn = "Call centre; routed to the right employee" },
        new() { Number = 3, Phase = JourneyPhase.BeforeArriving,
            NameLt = "Elektroninis laiškas į Socialinės paramos skyrių", NameEn = "E-mail to the department",
            NeedsLt = "Pateikti užklausą dėl informacijos. Gauti greitą atsakymą į laišką",
            NeedsEn = "Send an enquiry. Get a fast answer.",
            RepresentativesLt = "Darbuotojas, administruojantis skyriaus el. paštą",
            RepresentativesEn = "The employee administering the department mailbox" },
        new() { Number = 4, Phase = JourneyPhase.OnArrival,
            NameLt = "Informaciniai stendai", NameEn = "Information stands",
            NeedsLt = "Greitai ir tiksliai susiorientuoti, kur kreiptis norint gauti tikslesnę informaciją, kokius veiksmus atlikti norint gauti paslaugą",
            NeedsEn = "Find quickly where to go and what to do to get the service",
            RepresentativesLt = "Vedėjo pavaduotojas, vyr. specialistai",
            RepresentativesEn = "Deputy head, chief specialists" },
        new() { Number = 5, Phase = JourneyPhase.OnArrival,
            NameLt = "Tiesioginis kontaktas su darbuotoju", NameEn = "Direct contact with an employee",
            NeedsLt = "Taupyti klientų laiką. Gauti išsamią informaciją apie pageidaujamas paslaugas ir pageidaujamą paslaugą kaip galima greičiau. Esant sudėtingesniam poreikiui, tiksliai nukreipti pas specialistą, galintį efektyviai konsultuoti, išspręsti kliento problemą. Pagarbus, pozityvus bendravimas.",
            NeedsEn = "Save time; full information; the service as fast as possible; for complex needs, be routed precisely to a specialist who can solve the problem; respectful, positive talk.",
            RepresentativesLt = "Pagal kliento poreikį nukreipiama atitinkamam darbuotojui",
            RepresentativesEn = "Routed to the right employee" },
        new() { Number = 6, Phase = JourneyPhase.ServicePreparation,
            NameLt = "Informacinis raštas klientui, skambutis telefonu", NameEn = "Information letter to the client, phone call",
            NeedsLt = "Užtikrinti, kad informacija pasieks klientą. Užtikrinti, kad informacija pasieks kuo anksčiau ir bus galima spėti atlikti reikiamus veiksmus. Informacija turi būti tiksli ir lengvai suprantama. Informacijos pateikimo forma – pagarbi ir draugiška.",
            NeedsEn = "The information reaches the client as early as possible so the client has time to act; accurate and easy to understand; respectful, friendly form.",
            RepresentativesLt = "Darbuotojas, administruojantis kliento atvejį",
            RepresentativesEn = "The employee administering the client's case" },
        new() { Number = 7, Phase = JourneyPhase.ServicePreparation,
            NameLt = "Specialisto atvykimas į kliento namus", NameEn = "Specialist's visit to the client's home",
            NeedsLt = "Suderinti patogų (kuo greitesnį) atvykimo laiką (jei tai nesusiję su patikra ar skundu). Atvykti pagal poreikį tiksliai suderintu laiku. Gerbti privačią erdvę. Pagarbiai ir pozityviai bendrauti su klientais ir jų artimaisiais.",
            NeedsEn = "Agree a convenient (as early as possible) time unless it is an inspection or complaint check; arrive exactly at the agreed time; respect private space; respectful talk with the client and relatives.",
            RepresentativesLt = "Darbuotojas, administruojantis kliento atvejį",
            RepresentativesEn = "The employee administering the client's case" },
        new() { Number = 8, Phase = JourneyPhase.ServicePreparation,
            NameLt = "Iškilusių problemų ir nesklandumų sprendimas", NameEn = "Solving problems and misunderstandings",
            NeedsLt = "Problemas ir nesklandumus spręsti greitai ir efektyviai, išlaikant abipusę pagarbą ir pozityvumą",
            NeedsEn = "Solve them fast and effectively, with mutual respect and positivity",
            RepresentativesLt = "Darbuotojas, administruojantis kliento atvejį",
            RepresentativesEn = "The employee administering the client's case" },
        new() { Number = 9, Phase = JourneyPhase.ServiceDelivery,
            NameLt = "Tiesioginis kontaktas su darbuotoju gaunant teikiamas paslaugas", NameEn = "Direct contact while receiving the service",
            NeedsLt = "Paslaugą suteikti kuo greičiau. Suteikti išsamią informaciją apie patvirtintą suteikti paslaugą ir būtinus tolesnius veiksmus. Pagarbus, pozityvus bendravimas.",
            NeedsEn = "The service as fast as possible; full information on the approved service and the next steps; respectful talk.",
            RepresentativesLt = "Darbuotojas, administruojantis kliento atvejį",
            RepresentativesEn = "The employee administering the client's case" },
        new() { Number = 10, Phase = JourneyPhase.ServiceDelivery,
            NameLt = "Grįžtamojo ryšio suteikimas darbuotojui apie pasitenkinimą suteiktomis paslaugomis", NameEn = "Feedback on satisfaction",
            NeedsLt = "Užtikrinti galimybę pateikti savo nuomonę apie suteiktą paslaugą ir aptarnavimą ir gauti informaciją apie atliktus sprendimus ir veiksmus",
            NeedsEn = "Be able to give an opinion on the service and be told what was decided and done",
            RepresentativesLt = "Darbuotojas, administruojantis kliento atvejį",
            RepresentativesEn = "The employee administering the client's case" },
    ];

    public static IReadOnlyList<Commitment> Commitments { get; } =
    [
        new() { Number = 1, Numeral = "I", TitleLt = "Skaidrumas (atvirumas) ir informatyvumas", TitleEn = "Transparency and informativeness",
            SummaryLt = "Viešai ir suprantamai pateikiame klientams svarbias žinias, taisykles, procedūras; kuo greičiau panaikiname aptiktus netikslumus.",
            SummaryEn = "Publish what clients need to know, clearly; remove inaccuracies fast." },
        new() { Number = 2, Numeral = "II", TitleLt = "Bendradarbiavimas", TitleEn = "Cooperation",
            SummaryLt = "Bendradarbiaudami su klientais, kolegomis ir kitomis organizacijomis kuriame paslaugas, geriausiai atitinkančias poreikius.",
            SummaryEn = "Build services with clients, colleagues and other organisations." },
        new() { Number = 3, Numeral = "III", TitleLt = "Individualizavimas", TitleEn = "Individualization",
            SummaryLt = "Įsigiliname į kiekvieno kliento unikalų poreikį ir randame jam geriausią sprendimą.",
            SummaryEn = "Understand each client's unique need and find the best solution." },
        new() { Number = 4, Numeral = "IV", TitleLt = "Prieinamumas ir patogumas", TitleEn = "Accessibility and convenience",
            SummaryLt = "Paslaugas teikiame patogiausiu būdu, kuo arčiau gyvenamosios vietos (jei įmanoma, klientui net neišėjus iš namų).",
            SummaryEn = "Serve the client as close to home as possible, even without leaving home." },
        new() { Number = 5, Numeral = "V", TitleLt = "Visapusiškumas ir veiksmingumas", TitleEn = "Comprehensiveness and effectiveness",
            SummaryLt = "Socialines paslaugas deriname su pinigine socialine parama, vaiko teisių apsauga, užimtumu, sveikatos priežiūra, švietimu.",
            SummaryEn = "Combine social services with cash support, child-rights protection, employment, health care, education." },
        new() { Number = 6, Numeral = "VI", TitleLt = "Rūpinimasis, pagalba ir pozityvumas", TitleEn = "Care, help and positivity",
            SummaryLt = "Sudarome sąlygas, kad klientai pagalbą gautų laiku.",
            SummaryEn = "Clients get help in time." },
        new() { Number = 7, Numeral = "VII", TitleLt = "Pagarba kliento asmeniniam gyvenimui ir erdvei, asmens duomenų ir teikiamų paslaugų saugumas", TitleEn = "Respect for privacy and personal data security",
            SummaryLt = "Garantuojame asmens duomenų saugumą ir konfidencialumą; klientas gali susipažinti su surinktais jo duomenimis, pagalbos eiga ir metodais.",
            SummaryEn = "Confidential client and family data; the client may see the data held, the course of help and the methods used." },
        new() { Number = 8, Numeral = "VIII", TitleLt = "Patikimumas ir punktualumas", TitleEn = "Reliability and punctuality", IsMeasured = true,
            SummaryLt = "Punktualiai vykdome visus pažadus ir susitarimus; pasikeitus situacijai, nedelsdami informuojame klientus.",
            SummaryEn = "Keep every agreed meeting and deadline; if the situation changes, tell the client at once." },
        new() { Number = 9, Numeral = "IX", TitleLt = "Greitis ir efektyvus išteklių panaudojimas", TitleEn = "Speed and efficient use of resources", IsMeasured = true,
            SummaryLt = "Analizuojame paslaugų teikimo trukmę, trumpiname atsako laiką, mažiname vertės nekuriantį laiką.",
            SummaryEn = "Measure and analyse how long services take; cut time that adds no value." },
        new() { Number = 10, Numeral = "X", TitleLt = "Kokybės užtikrinimas, esamų paslaugų tobulinimas ir naujų kūrimas", TitleEn = "Quality assurance", IsMeasured = true,
            SummaryLt = "Įvykus klaidai atsiprašome ir skubiai ją ištaisome; kaupiame ir analizuojame neatitiktis, šaliname jų priežastis.",
            SummaryEn = "Apologise, fix errors fast, collect and analyse non-conformities, remove their root causes." },
        new() { Number = 11, Numeral = "XI", TitleLt = "Grįžtamasis ryšys", TitleEn = "Feedback", IsMeasured = true,
            SummaryLt = "Grįžtamąjį ryšį priimame visais būdais ir atsakome į kiekvieną signalą.",
            SummaryEn = "Accept feedback by every channel and answer every signal." },
    ];

    public static IReadOnlyList<ClientGroup> ClientGroups { get; } =
    [
        new() { Code = "social-risk", SortOrder = 1, NameLt = "Asmenys (šeimos), patiriantys socialinę riziką", NameEn = "Persons and families at social risk" },
        new() { Code = "elderly", SortOrder = 2, NameLt = "Senyvo amžiaus asmenys (vieniši, neįgalūs)", NameEn = "Elderly people (living alone, disabled)" },
        new() { Code = "children", SortOrder = 3, NameLt = "Vaikai", NameEn = "Children" },
        new() { Code = "disability", SortOrder = 4, NameLt = "Vaikai ir suaugę asmenys su negalia", NameEn = "Children and adults with disabilities" },
        new() { Code = "without-parental-care", SortOrder = 5, NameLt = "Be tėvų globos likę vaikai", NameEn = "Children left without parental care" },
        new() { Code = "street-youth", SortOrder = 6, NameLt = "Gatvėje laiką leidžiantis ir nemotyvuotas jaunimas", NameEn = "Street-based and unmotivated youth" },
        new() { Code = "single-parents", SortOrder = 7, NameLt = "Vieniši tėvai su vaikais", NameEn = "Single parents with children" },
        new() { Code = "carers", SortOrder = 8, NameLt = "Globėjai (rūpintojai), įtėviai, budintys globėjai ir norintys jais tapti asmenys", NameEn = "Guardians/carers, adoptive parents, foster carers on duty, and people wishing to become one" },
    ];

    /// <summary>Units of the department. Fixed ids so seeding is idempotent and demo users can point at them.</summary>
    public static IReadOnlyList<OrgUnit> Units { get; } =
    [
        new() { Id = Guid.Parse("7d3f0c52-0001-4a8e-9a51-2b6a4c9e0001"), Code = "reception", NameLt = "Skambučių centras ir priimamasis", NameEn = "Call centre and reception" },
        new() { Id = Guid.Parse("7d3f0c52-0002-4a8e-9a51-2b6a4c9e0002"), Code = "social-services", NameLt = "Socialinių paslaugų poskyris", NameEn = "Social services division" },
        new() { Id = Guid.Parse("7d3f0c52-0003-4a8e-9a51-2b6a4c9e0003"), Code = "cash-support", NameLt = "Piniginės socialinės paramos poskyris", NameEn = "Cash social support division" },
    ];
}

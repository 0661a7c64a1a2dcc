namespace CaseDesk.Domain.Demo;

/// <summary>
/// Lithuanian names, Alytus addresses, services and contact phrases for generated data. Bogus has no
/// Lithuanian locale (34.0.2 ships lv, not lt), and Lithuanian surnames change with gender and marriage
/// (Kazlauskas, Kazlauskienė, Kazlauskaitė), so the words are kept here and Bogus only draws from them.
/// </summary>
internal static class LithuanianSamples
{
    /// <summary>Common first names, most frequent first.</summary>
    public static readonly string[] MaleFirstNames =
    [
        "Jonas", "Antanas", "Tomas", "Mantas", "Darius", "Andrius", "Petras", "Vytautas", "Mindaugas", "Paulius",
        "Marius", "Algirdas", "Kęstutis", "Gintaras", "Rimantas", "Saulius", "Lukas", "Matas", "Dovydas", "Kajus",
        "Nojus", "Jokūbas", "Domantas", "Giedrius", "Arūnas", "Audrius", "Žilvinas", "Šarūnas", "Rolandas", "Egidijus",
        "Vidmantas", "Raimondas", "Stasys", "Juozas", "Kazimieras", "Povilas", "Aleksandras", "Edvinas", "Justinas", "Emilis",
        "Gustas", "Benas", "Herkus", "Ignas", "Karolis", "Laurynas", "Modestas", "Nerijus", "Ramūnas", "Tadas",
        "Valdas", "Vaidas", "Žygimantas", "Artūras", "Dainius", "Eimantas", "Ąžuolas", "Jurgis", "Vladas", "Romualdas",
    ];

    public static readonly string[] FemaleFirstNames =
    [
        "Ona", "Janina", "Irena", "Danutė", "Aldona", "Birutė", "Regina", "Rasa", "Asta", "Jurgita",
        "Inga", "Rūta", "Vilma", "Laura", "Greta", "Gabija", "Emilija", "Ugnė", "Kotryna", "Austėja",
        "Smiltė", "Lėja", "Miglė", "Agnė", "Eglė", "Giedrė", "Ieva", "Justina", "Kristina", "Lina",
        "Neringa", "Renata", "Simona", "Vaida", "Živilė", "Dalia", "Genovaitė", "Elena", "Zita", "Aušra",
        "Daiva", "Edita", "Jolanta", "Loreta", "Milda", "Audronė", "Ramunė", "Skaistė", "Viktorija", "Žaneta",
        "Šarūnė", "Dovilė", "Indrė", "Gintarė", "Aistė", "Monika", "Rima", "Stefanija", "Valentina", "Elžbieta",
    ];

    /// <summary>Common surnames as (man, married woman, unmarried woman), most frequent first.</summary>
    public static readonly (string Male, string Married, string Maiden)[] CommonSurnames =
    [
        ("Kazlauskas", "Kazlauskienė", "Kazlauskaitė"), ("Jankauskas", "Jankauskienė", "Jankauskaitė"),
        ("Petrauskas", "Petrauskienė", "Petrauskaitė"), ("Stankevičius", "Stankevičienė", "Stankevičiūtė"),
        ("Vasiliauskas", "Vasiliauskienė", "Vasiliauskaitė"), ("Žukauskas", "Žukauskienė", "Žukauskaitė"),
        ("Butkus", "Butkienė", "Butkutė"), ("Paulauskas", "Paulauskienė", "Paulauskaitė"),
        ("Urbonas", "Urbonienė", "Urbonaitė"), ("Kavaliauskas", "Kavaliauskienė", "Kavaliauskaitė"),
        ("Baranauskas", "Baranauskienė", "Baranauskaitė"), ("Pocius", "Pocienė", "Pociūtė"),
        ("Navickas", "Navickienė", "Navickaitė"), ("Sakalauskas", "Sakalauskienė", "Sakalauskaitė"),
        ("Rimkus", "Rimkienė", "Rimkutė"), ("Žilinskas", "Žilinskienė", "Žilinskaitė"),
        ("Lukoševičius", "Lukoševičienė", "Lukoševičiūtė"), ("Adomaitis", "Adomaitienė", "Adomaitytė"),
        ("Vaitkus", "Vaitkienė", "Vaitkutė"), ("Šimkus", "Šimkienė", "Šimkutė"),
        ("Ramanauskas", "Ramanauskienė", "Ramanauskaitė"), ("Kairys", "Kairienė", "Kairytė"),
        ("Ivanauskas", "Ivanauskienė", "Ivanauskaitė"), ("Mikalauskas", "Mikalauskienė", "Mikalauskaitė"),
        ("Balčiūnas", "Balčiūnienė", "Balčiūnaitė"), ("Černiauskas", "Černiauskienė", "Černiauskaitė"),
        ("Jonaitis", "Jonaitienė", "Jonaitytė"), ("Petraitis", "Petraitienė", "Petraitytė"),
        ("Stankus", "Stankienė", "Stankutė"), ("Marcinkevičius", "Marcinkevičienė", "Marcinkevičiūtė"),
        ("Savickas", "Savickienė", "Savickaitė"), ("Vitkauskas", "Vitkauskienė", "Vitkauskaitė"),
        ("Grigas", "Grigienė", "Grigaitė"), ("Jakubauskas", "Jakubauskienė", "Jakubauskaitė"),
        ("Bernotas", "Bernotienė", "Bernotaitė"), ("Šukys", "Šukienė", "Šukytė"),
        ("Budrys", "Budrienė", "Budrytė"), ("Mockus", "Mockienė", "Mockutė"),
        ("Gudaitis", "Gudaitienė", "Gudaitytė"), ("Kučinskas", "Kučinskienė", "Kučinskaitė"),
        ("Juška", "Juškienė", "Juškaitė"), ("Dambrauskas", "Dambrauskienė", "Dambrauskaitė"),
        ("Malinauskas", "Malinauskienė", "Malinauskaitė"), ("Sadauskas", "Sadauskienė", "Sadauskaitė"),
        ("Liutkus", "Liutkienė", "Liutkutė"), ("Bagdonas", "Bagdonienė", "Bagdonaitė"),
        ("Tamošiūnas", "Tamošiūnienė", "Tamošiūnaitė"), ("Morkūnas", "Morkūnienė", "Morkūnaitė"),
        ("Žemaitis", "Žemaitienė", "Žemaitytė"), ("Čepulis", "Čepulienė", "Čepulytė"),
        ("Markevičius", "Markevičienė", "Markevičiūtė"), ("Kriščiūnas", "Kriščiūnienė", "Kriščiūnaitė"),
        ("Andriuškevičius", "Andriuškevičienė", "Andriuškevičiūtė"), ("Šileikis", "Šileikienė", "Šileikytė"),
        ("Ąžuolas", "Ąžuolienė", "Ąžuolaitė"), ("Žilys", "Žilienė", "Žilytė"),
        ("Sinkevičius", "Sinkevičienė", "Sinkevičiūtė"), ("Jasinskas", "Jasinskienė", "Jasinskaitė"),
        ("Ūsas", "Ūsienė", "Ūsaitė"), ("Dzūkas", "Dzūkienė", "Dzūkaitė"),
    ];

    /// <summary>Stems and endings that build the long tail of rarer surnames (Kalnėnas, Mikaitis, Rudevičius...).</summary>
    public static readonly string[] SurnameStems =
    [
        "Jurg", "Stas", "Bal", "Gaid", "Vil", "Kaln", "Mik", "Rud", "Sin", "Tam", "Alek", "Bart", "Dov", "Gerul", "Jak",
        "Kriv", "Lap", "Mat", "Nor", "Pal", "Rač", "Sab", "Šid", "Tub", "Vald", "Zab", "Žvir", "Ber", "Dam", "Ger",
        "Jan", "Kup", "Leon", "Mar", "Nau", "Ork", "Pet", "Ram", "Sauk", "Šapk", "Trak", "Ulin", "Var", "Zub", "Žiug",
        "Ast", "Bud", "Čern", "Daug", "Ėm", "Gal", "Ign", "Juod", "Kas", "Luk", "Mel", "Ner", "Pak", "Rag", "Sil",
    ];

    public static readonly (string Male, string Married, string Maiden)[] SurnameEndings =
    [
        ("auskas", "auskienė", "auskaitė"), ("ėnas", "ėnienė", "ėnaitė"), ("aitis", "aitienė", "aitytė"),
        ("ūnas", "ūnienė", "ūnaitė"), ("evičius", "evičienė", "evičiūtė"), ("onis", "onienė", "onytė"),
        ("ulis", "ulienė", "ulytė"), ("inskas", "inskienė", "inskaitė"), ("elis", "elienė", "elytė"),
    ];

    /// <summary>Streets of Alytus.</summary>
    public static readonly string[] AlytusStreets =
    [
        "Naujoji g.", "Pulko g.", "Santaikos g.", "Ulonų g.", "Vilniaus g.", "Jazminų g.", "Putinų g.", "Statybininkų g.",
        "Kalniečių g.", "Šaltinių g.", "Volungės g.", "Sudvajų g.", "Birutės g.", "Kęstučio g.", "Vytauto g.", "Rotušės a.",
        "Ligoninės g.", "Jiezno g.", "Miškininkų g.", "Dainavos g.", "Seirijų g.", "Merkinės g.", "Varėnos g.", "Daugų g.",
        "Pramonės g.", "Tvirtovės g.", "Savanorių g.", "Likiškėlių g.", "Užuolankos g.", "Alyvų g.", "Žuvinto g.", "Šilelio g.",
        "Kurorto g.", "Artojų g.", "Nemuno g.", "Sporto g.", "Topolių g.", "Radžiūnų g.", "Šv. Kazimiero g.", "Lelijų g.",
        "Jaunimo g.", "Bažnyčios g.", "A. Juozapavičiaus g.", "Jotvingių g.", "Kaštonų g.", "Dzūkų g.", "Kauno g.", "Margirio g.",
    ];

    public static readonly string[] EmailDomains = ["gmail.com", "inbox.lt", "one.lt", "yahoo.com", "takas.lt", "zebra.lt"];

    /// <summary>Services a client asks for, and whether the cash support division handles them.</summary>
    public static readonly (string Name, bool Cash)[] Services =
    [
        ("Pagalba į namus", false), ("Socialinė globa namuose", false), ("Dienos socialinė globa", false),
        ("Trumpalaikė socialinė globa", false), ("Ilgalaikė socialinė globa", false),
        ("Socialinių įgūdžių ugdymas ir palaikymas", false), ("Asmeninė pagalba", false),
        ("Apgyvendinimas savarankiško gyvenimo namuose", false), ("Laikinas apnakvindinimas", false),
        ("Pavėžėjimo paslauga", false), ("Maitinimo organizavimas", false),
        ("Aprūpinimas būtiniausiais drabužiais ir avalyne", false), ("Kompensacinės technikos išdavimas", false),
        ("Būsto pritaikymas neįgaliesiems", false), ("Intensyvi krizių įveikimo pagalba", false),
        ("Psichosocialinė pagalba", false), ("Globėjų (rūpintojų) konsultavimas", false), ("Atvejo vadyba šeimai", false),
        ("Socialinė pašalpa", true), ("Būsto šildymo išlaidų kompensacija", true), ("Vienkartinė pašalpa", true),
        ("Išmoka vaikui", true), ("Nemokamas mokinių maitinimas", true), ("Parama mokinio reikmenims įsigyti", true),
        ("Geriamojo vandens išlaidų kompensacija", true),
    ];

    public static readonly string[] ContactSummaries =
    [
        "Konsultacija dėl paslaugos „{0}“", "Klientas teiravosi, kiek truks paslaugos „{0}“ skyrimas",
        "Pateikti trūkstami dokumentai paslaugai „{0}“", "Informuota apie priimtą sprendimą dėl paslaugos „{0}“",
        "Poreikio vertinimas dėl paslaugos „{0}“", "Aptarta paslaugos „{0}“ teikimo tvarka",
        "Klientas pranešė apie pasikeitusias aplinkybes", "Priminta apie suderintą susitikimą",
        "Paaiškinta, kokių dokumentų dar trūksta", "Išspręstas nesusipratimas dėl išmokos datos",
        "Klientas pasidalijo nuomone apie gaunamą paslaugą", "Tikslinami kliento kontaktiniai duomenys",
        "Aptartas paslaugų planas ir tolesni žingsniai", "Klientas paprašė perskambinti vėliau",
    ];

    public static readonly string[] Discussed =
    [
        "Aptarta šeimos situacija ir pajamos.", "Aptarti reikalingi dokumentai ir jų pateikimo būdai.",
        "Kalbėta apie paslaugos teikimo laiką ir dažnumą.", "Aptarti kliento sveikatos pokyčiai.",
        "Paaiškinta sprendimo priėmimo tvarka ir terminai.", "Aptarta, kas padės klientui kasdienėje veikloje.",
        "Klientas išsakė nepasitenkinimą dėl vėluojančios informacijos.", "Aptartos kitų institucijų teikiamos paslaugos.",
    ];

    public static readonly string[] Decided =
    [
        "Prašymas priimtas nagrinėti.", "Sutarta dėl apsilankymo namuose.", "Nuspręsta kreiptis į seniūniją dėl pažymos.",
        "Klientas pateiks pažymą apie pajamas.", "Paslauga bus teikiama du kartus per savaitę.",
        "Sprendimas bus priimtas per 10 darbo dienų.", "Nukreipta pas piniginės paramos specialistą.",
    ];

    public static readonly string[] Done =
    [
        "Užpildytas prašymas.", "Priimtos dokumentų kopijos.", "Suteikta informacija raštu.", "Išsiųstas paklausimas Sodrai.",
        "Sudarytas paslaugų planas.", "Klientui įteiktas informacinis lapelis.",
    ];

    public static readonly string[] NextSteps =
    [
        "Paskambinti klientui, kai bus priimtas sprendimas.", "Laukti dokumentų iš kliento.",
        "Suderinti apsilankymo namuose laiką.", "Perduoti prašymą vedėjai.", "Patikrinti, ar gauti atsakymai iš kitų institucijų.",
        "Išsiųsti informacinį laišką.", "Susitikti skyriuje ir pasirašyti sutartį.",
    ];

    public static readonly string[] MeetingPlaces = ["Skyrius, 12 kab.", "Kliento namai", "Skyrius, 5 kab.", "Seniūnija", "Telefonu"];

    public static readonly string[] PromiseTexts =
    [
        "Paskambinti klientui ir pranešti sprendimą", "Atsiųsti prašymo formą el. paštu", "Patikrinti, ar gauti dokumentai iš Sodros",
        "Suderinti apsilankymo laiką", "Pateikti informaciją apie kompensacijos dydį", "Perduoti prašymą vedėjai ir pranešti atsakymą",
        "Išsiaiškinti, kada bus pradėta teikti paslauga", "Atsiųsti sąrašą reikalingų dokumentų",
    ];

    public static readonly string[] PhoneMessages =
    [
        "Prašo perskambinti dėl pateikto prašymo.", "Nori sužinoti, kada atvyks socialinė darbuotoja.",
        "Teiraujasi, ar gauti jos atsiųsti dokumentai.", "Prašo paaiškinti, kodėl sumažėjo išmoka.",
        "Nori perkelti suderintą susitikimą į kitą dieną.", "Skambina dėl kaimynės, kuriai reikia pagalbos namuose.",
        "Prašo informacijos apie dienos centro darbo laiką.", "Teiraujasi dėl kompensacijos už šildymą.",
    ];

    public static readonly (string Organisation, string Position)[] CallerOrganisations =
    [
        ("Alytaus poliklinika", "Šeimos gydytoja"), ("Alytaus miesto savivaldybės administracija", "Specialistė"),
        ("Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba", "Vyriausioji specialistė"), ("Sodros Alytaus skyrius", "Konsultantė"),
        ("Alytaus apskrities VPK", "Bendruomenės pareigūnas"), ("Dienos centras", "Socialinė darbuotoja"),
    ];

    public static readonly string[] EmailSubjects =
    [
        "Dėl pagalbos į namus", "Klausimas dėl socialinės pašalpos", "Prašymas suteikti informaciją", "Dėl kompensacijos už šildymą",
        "Dokumentai prašymui", "Kada bus priimtas sprendimas?", "Padėka darbuotojai", "Skundas dėl vėluojančio atsakymo",
    ];

    public static readonly string[] EmailBodies =
    [
        "Laba diena,\n\nnorėčiau sužinoti, kokių dokumentų reikia, kad galėčiau gauti paslaugą. Ačiū.",
        "Sveiki,\n\nprieš savaitę pateikiau prašymą, bet atsakymo dar negavau. Prašau informuoti, kada jis bus išnagrinėtas.",
        "Laba diena,\n\nsiunčiu prašytas pažymas. Prašau patvirtinti, kad jas gavote.",
        "Sveiki,\n\nnoriu padėkoti socialinei darbuotojai už suteiktą pagalbą ir kantrybę.",
        "Laba diena,\n\nmano mama gyvena viena ir jai sunku pasirūpinti savimi. Kokia pagalba galima?",
    ];

    public static readonly string[] ReplyBodies =
    [
        "Laba diena,\n\ndėkojame už laišką. Jūsų prašymas gautas ir bus išnagrinėtas per 10 darbo dienų. Apie sprendimą informuosime.",
        "Sveiki,\n\nreikalingų dokumentų sąrašas pridėtas prie šio laiško. Dokumentus galite pateikti skyriuje arba el. paštu.",
        "Laba diena,\n\ndokumentus gavome, ačiū. Jei prireiks papildomos informacijos, susisieksime.",
        "Sveiki,\n\ndėkojame už gerus žodžius, perdavėme juos darbuotojai ir skyriaus vedėjai.",
    ];

    public static readonly string[] VisitPurposes =
    [
        "Poreikio vertinimas namuose", "Buities sąlygų patikrinimas", "Paslaugų plano aptarimas", "Kompensacinės technikos pristatymas",
        "Skundo aplinkybių patikrinimas", "Pagalbos į namus kokybės patikra",
    ];

    public static readonly string[] RescheduleReasons =
    [
        "Klientas išvyko pas gydytoją", "Darbuotojos liga", "Klientas paprašė vėlesnio laiko", "Nenumatytas skubus atvejis",
    ];

    public static readonly string[] AccessibilityNeeds =
    [
        "Judėjimo negalia, naudoja vežimėlį", "Silpnaregis, reikia didesnio šrifto", "Klausos negalia, geriau bendrauti raštu",
        "Sunkiai vaikšto, susitikimai namuose",
    ];

    public static readonly string[] SafetyNotes =
    [
        "Buvo agresyvus elgesys su darbuotoja, eiti dviese.", "Namuose laikomas piktas šuo.", "Galimas neblaivus būvis susitikimo metu.",
    ];

    public static readonly (string Relation, bool Child)[] Relations =
    [
        ("Sutuoktinis", false), ("Sutuoktinė", false), ("Sūnus", true), ("Dukra", true), ("Motina", false), ("Tėvas", false),
        ("Anūkas", true), ("Anūkė", true), ("Globotinis", true),
    ];
}

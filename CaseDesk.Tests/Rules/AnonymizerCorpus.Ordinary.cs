namespace CaseDesk.Tests.Rules;

/// <summary>
/// Texts that name no linked person, though the linked people are called Rūta, Aušra, Gintaras ...: the plant, the dawn,
/// amber, places and institutions named after people must stay in the copy.
/// </summary>
public static partial class AnonymizerCorpus
{
    public static IReadOnlyList<OrdinaryText> Ordinary =>
    [
        O("O01", C("Rūta", "Jankauskienė", "+370 611 40021", "ruta.jankauskiene@gmail.com", "Kaštonų g. 4, Kalvarija", "1941-05-02"), [],
            "Per namų lankymą pastebėta, kad ant palangės žydi rūta, o kambaryje labai šalta. Senolė pasakojo, kad rūtą augina nuo pat vestuvių.",
            "Darbuotoja patarė rūtos vazoną patraukti nuo lango ir užsakė malkų.",
            "rūta", "rūtą", "rūtos vazoną"),

        O("O02", C("Aušra", "Kaminskienė", "+370 612 50032", "ausra.kaminskiene@gmail.com", "Šaltinių g. 9, Vilnius", "1966-03-14"), [],
            "Klientė atėjo prie skyriaus durų, kai aušra dar tik brėško, ir laukė atidarymo lauke. Ji pasakojo, kad prieš tai ėjo pro Aušros vartus pasimelsti.",
            "Registratorė paaiškino darbo laiką ir pasiūlė arbatos; klientė sakė iki aušros nesudėjusi bluosto.",
            "aušra", "Aušros vartus", "aušros"),

        O("O03", C("Gintaras", "Jonaitis", "+370 613 60043", "gintaras.jonaitis@gmail.com", "Jūros g. 12, Palanga", "1958-07-21"), [],
            "Klientas atnešė dovaną – gintaro vėrinį – ir norėjo jį įteikti darbuotojai už pagalbą. Jis sakė, kad gintaras rastas jūros pakrantėje.",
            "Darbuotoja paaiškino, kad dovanų priimti negali; klientas įsižeidė ir pasiūlė vėrinį atiduoti Palangos gintaro muziejui.",
            "gintaro vėrinį", "gintaras", "Palangos gintaro muziejui"),

        O("O04", C("Linas", "Petrulis", "+370 614 70054", "linas.petrulis@gmail.com", "Audėjų g. 3, Kaunas", "1972-09-09"), [],
            "Klientas skundėsi, kad bendruomenės skalbykloje sugadino jo lino marškinius. Lino audinys susitraukė per pusę.",
            "Darbuotojas paaiškino, kad skalbyklą valdo kita įmonė, ir pasiūlė kreiptis ten; klientas sakė, kad su linais taip elgtis negalima.",
            "lino marškinius", "Lino audinys", "linais"),

        O("O05", C("Rasa", "Balčiūnienė", "+370 615 80065", "rasa.balciuniene@gmail.com", "Pievų g. 7, Molėtai", "1939-11-30"), [],
            "Rytą per namų lankymą kiemas buvo šlapias nuo rasos, o senolė basa išėjo pasitikti darbuotojos. Ji pasakojo, kad ryto rasa padeda jos kojoms.",
            "Darbuotoja įspėjo, kad šlapioje žolėje lengva paslysti, ir užsakė neslystančias šlepetes.",
            "rasos", "rasa"),

        O("O06", C("Dalia", "Stonienė", "+370 616 90076", "dalia.stoniene@gmail.com", "Liepų g. 2, Biržai", "1950-02-17"), [],
            "Klientė verkė ir sakė, kad tokia jau jos dalia – vargti vienai. Kaimynai jos dalią užjaučia, bet nepadeda.",
            "Darbuotoja išklausė ir pasiūlė dalį šildymo išlaidų kompensuoti.",
            "dalia", "dalią", "dalį"),

        O("O07", C("Saulė", "Mockienė", "+370 617 10087", "saule.mockiene@gmail.com", "Rytų g. 14, Alytus", "1947-06-06"), [],
            "Klientė skundėsi, kad kambaryje per karšta, nes visą dieną šviečia saulė. Ji sakė, kad saulės spinduliai kenkia jos akims.",
            "Darbuotojas pažadėjo pakabinti užuolaidas ir priminė, kad ilgai sėdėti saulėje pavojinga.",
            "saulė", "saulės spinduliai", "saulėje"),

        O("O08", C("Vytis", "Kazlauskas", "+370 618 20098", "vytis.kazlauskas@gmail.com", "Parko g. 8, Kaunas", "1980-04-04"), [],
            "Klientas atsinešė seną blanką su Vyčiu ir klausė, ar jis dar galioja. Ant blanko viršaus pavaizduotas Vytis.",
            "Darbuotoja paaiškino, kad blankas nebegalioja; klientas pasakojo, kad senelis buvo apdovanotas Vyčio Kryžiaus ordinu.",
            "Vyčiu", "Vytis", "Vyčio Kryžiaus ordinu"),

        O("O09", C("Vytautas", "Mockevičius", "+370 619 30109", "vytautas.mockevicius@gmail.com", "Donelaičio g. 5, Kaunas", "1962-08-08"), [],
            "Klientas pasakojo, kad sūnus studijuoja Vytauto Didžiojo universitete ir negauna stipendijos. Pats jis dirba sargu Vytauto Didžiojo karo muziejuje.",
            "Darbuotoja paaiškino, kokios pažymos reikia dėl paramos studentui.",
            "Vytauto Didžiojo universitete", "Vytauto Didžiojo karo muziejuje"),

        O("O10", C("Kęstutis", "Banys", "+370 620 40110", "kestutis.banys@gmail.com", "Kranto g. 2, Trakai", "1955-12-12"), [],
            "Klientas atėjo ką tik išrašytas iš Kauno klinikų ir prašė slaugos namuose. Anūkas laukiamajame skaitė knygą apie kunigaikštį Kęstutį.",
            "Darbuotoja susisiekė su Kauno klinikomis dėl išrašo ir užsakė slaugą.",
            "Kauno klinikų", "kunigaikštį Kęstutį", "Kauno klinikomis"),

        O("O11", C("Gediminas", "Lukošius", "+370 621 50121", "gediminas.lukosius@gmail.com", "Žalgirio g. 30, Ukmergė", "1970-01-25"), [],
            "Klientas skundėsi, kad dėl dokumentų jam teko važiuoti į ministeriją Gedimino prospekte. Prie Gedimino pilies jis pametė piniginę.",
            "Darbuotojas padėjo užpildyti prašymą dėl dokumentų atkūrimo.",
            "Gedimino prospekte", "Gedimino pilies"),

        O("O12", C("Birutė", "Šimkienė", "+370 622 60132", "birute.simkiene@gmail.com", "Meilės al. 3, Palanga", "1944-10-10"), [],
            "Klientė gyvena netoli Birutės kalno ir skundėsi, kad socialinė darbuotoja vėluoja. Vakarais ji vaikšto Birutės parke.",
            "Darbuotoja atsiprašė ir sutarė tikslesnį lankymo laiką.",
            "Birutės kalno", "Birutės parke"),

        O("O13", C("Laima", "Vaitkienė", "+370 623 70143", "laima.vaitkiene@gmail.com", "Ąžuolyno g. 6, Kėdainiai", "1952-03-03"), [],
            "Klientė sakė, kad jos likimą lemia deivė Laima, todėl prašymo pildyti neverta. Ji kalbėjo apie Laimos lemtį kaip apie tikrą dalyką.",
            "Darbuotojas kantriai padėjo užpildyti prašymą ir palinkėjo laimės.",
            "deivė Laima", "Laimos lemtį", "laimės"),

        O("O14", C("Jūratė", "Sabaliauskienė", "+370 624 80154", "jurate.sabal@gmail.com", "Smiltynės g. 2, Klaipėda", "1975-07-07"), [],
            "Klientės anūkė laukiamajame garsiai skaitė legendą apie Jūratę ir Kastytį. Ant sienos kabojo paveikslas „Jūratė ir Kastytis“.",
            "Registratorė paprašė skaityti tyliau, nes kiti lankytojai kalbėjo telefonu.",
            "Jūratę ir Kastytį", "Jūratė ir Kastytis"),

        O("O15", C("Eglė", "Rimkienė", "+370 625 90165", "egle.rimkiene@gmail.com", "Miško g. 1, Varėna", "1968-02-02"), [],
            "Per audrą kieme nuvirto sena eglė ir užtvėrė įėjimą į namą. Darbuotojai teko lipti per eglės šakas.",
            "Darbuotoja iškvietė seniūnijos pagalbą; klientė juokavo, kad jaučiasi kaip Eglė žalčių karalienė.",
            "eglė", "eglės šakas", "Eglė žalčių karalienė"),

        O("O16", C("Audra", "Naujokienė", "+370 626 10176", "audra.naujokiene@gmail.com", "Laukų g. 11, Šilalė", "1959-09-19"), [],
            "Naktį praūžė audra ir nuplėšė klientės stogą. Po audros kaimynai padėjo uždengti skylę plėvele.",
            "Darbuotojas užregistravo prašymą dėl vienkartinės pašalpos; audra padarė žalos ir kitiems kaimo gyventojams.",
            "audra", "audros"),

        O("O17", C("Ramunė", "Žukienė", "+370 627 20187", "ramune.zukiene@gmail.com", "Gėlių g. 5, Jonava", "1963-05-15"), [],
            "Klientė atėjo su ramune vazonėlyje ir sakė, kad tai dovana registratorei. Ji pasakojo, kad geria ramunių arbatą nuo nemigos.",
            "Registratorė padėkojo, bet paaiškino, kad dovanų priimti negali; ramunė liko laukiamajame ant palangės.",
            "ramune", "ramunių arbatą", "ramunė"),

        O("O18", C("Rasa", "Jurkienė", "+370 628 30198", "rasa.jurkiene@gmail.com", "Linų g. 9, Panevėžys", "1946-08-28"), E("Linas Dirgėla"),
            "Per namų lankymą klientė rodė, kaip jaunystėje rovė linus, kol dar nenudžiūvo rasa. Ant stalo gulėjo lino staltiesė.",
            "Darbuotojas pasiūlė klientei lankyti dienos centrą, kur moterys audžia iš lino; ryto rasa kojoms nebepadeda.",
            "linus", "rasa", "lino staltiesė", "iš lino"),

        O("O19", C("Aušrinė", "Mačiulytė", "+370 629 40209", "ausrine.maciulyte@gmail.com", "Žvaigždžių g. 4, Vilnius", "1990-12-01"), [],
            "Klientė skambino anksti ryte ir sakė, kad danguje dar švietė Aušrinė, kai ji išėjo iš namų. Ji laukė prie durų valandą.",
            "Registratorė paaiškino darbo laiką; klientė juokėsi, kad Aušrinė jai atneša sėkmės.",
            "Aušrinė"),

        O("O20", C("Vytautas", "Grybas", "+370 630 50210", "vytautas.grybas@gmail.com", "Kalno g. 3, Kaunas", "1949-04-30"), [],
            "Klientas pasakojo, kad ilgai dirbo sargu Vytauto parke ir dabar gauna mažą pensiją. Kiekvieną sekmadienį jis eina į Vytauto bažnyčią.",
            "Darbuotoja paaiškino, kaip kreiptis dėl kompensacijos už šildymą.",
            "Vytauto parke", "Vytauto bažnyčią"),

        O("O21", C("Dalia", "Bružienė", "+370 631 60221", "dalia.bruziene@gmail.com", "Turgaus g. 8, Šakiai", "1957-11-11"), E("Gintaras Aukštuolis"),
            "Klientė skundėsi savo dalia ir parodė gintaro apyrankę, kurią norėjo parduoti. Ji sakė, kad gintaras – paskutinis jos turtas.",
            "Darbuotojas patarė apyrankės neparduoti ir padėjo pateikti prašymą dėl paramos maistu.",
            "dalia", "gintaro apyrankę", "gintaras"),

        O("O22", C("Žibutė", "Kavaliauskienė", "+370 632 70232", "zibute.kaval@gmail.com", "Pušyno g. 10, Ignalina", "1943-03-23"), [],
            "Pavasarį klientė nuėjo į mišką, nes žydėjo žibutės, ir pasiklydo. Ją rado kaimynas su žibučių puokšte rankose.",
            "Darbuotoja aptarė su klientės sūnumi, kaip ją prižiūrėti, ir užsakė pagalbos mygtuką.",
            "žibutės", "žibučių puokšte"),

        O("O23", C("Aušra", "Grigaliūnienė", "+370 633 80243", "ausra.grigaliuniene@gmail.com", "Sodų g. 6, Anykščiai", "1961-06-26", false, "Rasa Grigaliūnaitė/duktė"), [],
            "Darbuotoja atvyko į namų lankymą labai anksti: aušra buvo šalta, o rasa dar nenudžiūvusi. Šuo kieme lojo ir nieko neįleido.",
            "Lankymas perkeltas į vėlesnę valandą, kai rasos nebebus.",
            "aušra", "rasa", "rasos"),

        O("O24", C("Liepa", "Stankevičiūtė", "+370 634 90254", "liepa.stankeviciute@gmail.com", "Liepų al. 12, Kretinga", "1993-10-03"), [],
            "Kieme auga sena liepa, kurios šakos remiasi į klientės langą. Liepos mėnesį žiedai kvepia visam kvartalui, bet šakos gali sudaužyti stiklą.",
            "Darbuotojas perdavė prašymą seniūnijai dėl liepos genėjimo.",
            "sena liepa", "Liepos mėnesį", "liepos genėjimo"),

        O("O25", C("Mindaugas", "Žalys", "+370 635 10265", "mindaugas.zalys@gmail.com", "Upės g. 4, Vilnius", "1984-02-14"), [],
            "Incidentas įvyko per Karaliaus Mindaugo karūnavimo dienos šventę, kai skyrius dirbo trumpiau. Klientas pyko, kad pėsčias ėjo per Mindaugo tiltą, o durys jau buvo užrakintos.",
            "Darbuotojas paaiškino šventinį darbo laiką ir priėmė prašymą kitą dieną.",
            "Karaliaus Mindaugo", "Mindaugo tiltą"),

        O("O26", C("Daina", "Šimėnienė", "+370 636 20276", "daina.simeniene@gmail.com", "Dainų g. 2, Šiauliai", "1955-04-17"), [],
            "Laukiamajame per radiją skambėjo liaudies daina, ir klientė pradėjo verkti. Ji sakė, kad tą dainą dainuodavo jos motina.",
            "Registratorė pritildė radiją ir pasiūlė klientei vandens.",
            "daina", "dainą"),

        O("O27", C("Neringa", "Kazlauskienė", "+370 637 30287", "neringa.kazl@gmail.com", "Taikos pr. 50, Klaipėda", "1971-08-19"), [],
            "Klientė prašė kelionės išlaidų kompensacijos, nes kas savaitę važiuoja į Neringą pas sergantį sūnų. Sūnus dirba Neringos savivaldybėje.",
            "Darbuotojas paaiškino, kad tokios kelionės nekompensuojamos, ir pasiūlė kitą paramą.",
            "Neringą", "Neringos savivaldybėje"),

        O("O28", C("Gabija", "Paulauskaitė", "+370 638 40298", "gabija.paulauskaite@gmail.com", "Ugniagesių g. 3, Utena", "1999-01-09"), [],
            "Klientė pasakojo, kad ant jos močiutės krosnies stovi deivės Gabijos statulėlė ir kad ugnis namuose niekada neužgęsta. Kambaryje buvo pilna dūmų.",
            "Darbuotojas patikrino dūmų detektorių ir pranešė priešgaisrinei tarnybai.",
            "deivės Gabijos"),
    ];
}

using CaseDesk.Domain.Clients;

namespace CaseDesk.Domain.Letters;

/// <summary>
/// Starter templates (touchpoint 6: accurate, easy to understand, respectful and friendly), each in Lithuanian, English and
/// Russian (9.4: the client's language is part of their record). They are the department's own texts, kept in code and
/// brought up to date at start-up; admins may add more.
/// </summary>
public static class StandardLetterTemplates
{
    public const string Signature = "\n\nPagarbiai\n{EmployeeName}\n{EmployeePosition}\n{Unit}\nTel. {EmployeePhone}";
    public const string SignatureEn = "\n\nYours sincerely,\n{EmployeeName}\n{EmployeePosition}\n{Unit}\nTel. {EmployeePhone}";
    public const string SignatureRu = "\n\nС уважением\n{EmployeeName}\n{EmployeePosition}\n{Unit}\nТел. {EmployeePhone}";

    /// <summary>The languages a standard template exists in; a letter for a client of another language is written in Lithuanian.</summary>
    public static IReadOnlyList<ClientLanguage> Languages { get; } = [ClientLanguage.Lithuanian, ClientLanguage.English, ClientLanguage.Russian];

    /// <summary>
    /// The opening line: in Lithuanian the name in the vocative ("Gerb. Matai Berūnai,"); in Russian the adjective agrees with the
    /// gender read from the name (the record stores none), both forms when the name tells nothing; the name itself as written.
    /// </summary>
    public static string Salutation(ClientLanguage language, string firstName, string lastName)
    {
        var name = $"{firstName} {lastName}".Trim();
        return language switch
        {
            ClientLanguage.English => $"Dear {name},",
            ClientLanguage.Russian => LithuanianNames.GenderOf(firstName, lastName) switch
            {
                NameGender.Feminine => $"Уважаемая {name}!",
                NameGender.Masculine => $"Уважаемый {name}!",
                _ => $"Уважаемый(-ая) {name}!",
            },
            _ => $"Gerb. {LithuanianNames.Vocative(firstName, lastName)},",
        };
    }

    /// <summary>The standard template of a letter in a language (Lithuanian unless named).</summary>
    public static LetterTemplate Template(string code, ClientLanguage language = ClientLanguage.Lithuanian) =>
        All.Single(t => t.Code == code && t.Language == language);

    public static IReadOnlyList<LetterTemplate> All { get; } =
    [
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0001-4c61-9f4e-6a3a1f000001"), Code = "documents", Language = ClientLanguage.Lithuanian,
            Name = "Reikalingi dokumentai",
            Subject = "Dėl dokumentų paslaugai „{Service}“",
            Body = "{Salutation}\n\ndėkojame, kad kreipėtės. Kad galėtume suteikti paslaugą „{Service}“ (atvejo Nr. {CaseNumber}), prašome pateikti šiuos dokumentus:\n\n– \n– \n\nDokumentus galite atnešti į skyrių, atsiųsti el. paštu arba perduoti socialiniam darbuotojui apsilankymo metu. Jei kas neaišku, skambinkite – mielai paaiškinsime.\n\n{Date}" + Signature,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0002-4c61-9f4e-6a3a1f000002"), Code = "decision", Language = ClientLanguage.Lithuanian,
            Name = "Sprendimas dėl paslaugos",
            Subject = "Sprendimas dėl paslaugos „{Service}“",
            Body = "{Salutation}\n\ninformuojame, kad dėl Jūsų prašymo (atvejo Nr. {CaseNumber}) priimtas sprendimas:\n\n\n\nToliau: \n\nJei nesutinkate su sprendimu ar turite klausimų, kreipkitės tel. {EmployeePhone}.\n\n{Date}" + Signature,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0003-4c61-9f4e-6a3a1f000003"), Code = "visit", Language = ClientLanguage.Lithuanian,
            Name = "Apsilankymas namuose",
            Subject = "Dėl apsilankymo Jūsų namuose",
            Body = "{Salutation}\n\nnorėtume aplankyti Jus namuose dėl paslaugos „{Service}“ (atvejo Nr. {CaseNumber}). Prašome paskambinti tel. {EmployeePhone} ir suderinti Jums patogų laiką.\n\n{Date}" + Signature,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0001-4c61-9f4e-6a3a1f000011"), Code = "documents", Language = ClientLanguage.English,
            Name = "Reikalingi dokumentai (anglų k.)",
            Subject = "Documents needed for the service “{Service}”",
            Body = "{Salutation}\n\nThank you for contacting us. To provide the service “{Service}” (case No. {CaseNumber}), we need the following documents:\n\n– \n– \n\nYou can bring them to the department, send them by e-mail or hand them to your social worker during a visit. If anything is unclear, please call us: we will be glad to explain.\n\n{Date}" + SignatureEn,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0002-4c61-9f4e-6a3a1f000012"), Code = "decision", Language = ClientLanguage.English,
            Name = "Sprendimas dėl paslaugos (anglų k.)",
            Subject = "Decision on the service “{Service}”",
            Body = "{Salutation}\n\nWe would like to inform you that a decision has been made on your application (case No. {CaseNumber}):\n\n\n\nNext steps: \n\nIf you disagree with the decision or have any questions, please call {EmployeePhone}.\n\n{Date}" + SignatureEn,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0003-4c61-9f4e-6a3a1f000013"), Code = "visit", Language = ClientLanguage.English,
            Name = "Apsilankymas namuose (anglų k.)",
            Subject = "A visit to your home",
            Body = "{Salutation}\n\nWe would like to visit you at home regarding the service “{Service}” (case No. {CaseNumber}). Please call {EmployeePhone} to agree on a time that suits you.\n\n{Date}" + SignatureEn,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0001-4c61-9f4e-6a3a1f000021"), Code = "documents", Language = ClientLanguage.Russian,
            Name = "Reikalingi dokumentai (rusų k.)",
            Subject = "О документах для услуги «{Service}»",
            Body = "{Salutation}\n\nБлагодарим Вас за обращение. Чтобы мы могли предоставить услугу «{Service}» (дело № {CaseNumber}), просим представить следующие документы:\n\n– \n– \n\nДокументы можно принести в отдел, прислать по электронной почте или передать социальному работнику во время визита. Если что-то непонятно, позвоните нам – мы охотно всё объясним.\n\n{Date}" + SignatureRu,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0002-4c61-9f4e-6a3a1f000022"), Code = "decision", Language = ClientLanguage.Russian,
            Name = "Sprendimas dėl paslaugos (rusų k.)",
            Subject = "Решение по услуге «{Service}»",
            Body = "{Salutation}\n\nСообщаем, что по Вашему заявлению (дело № {CaseNumber}) принято решение:\n\n\n\nДальнейшие шаги: \n\nЕсли Вы не согласны с решением или у Вас есть вопросы, звоните по тел. {EmployeePhone}.\n\n{Date}" + SignatureRu,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0003-4c61-9f4e-6a3a1f000023"), Code = "visit", Language = ClientLanguage.Russian,
            Name = "Apsilankymas namuose (rusų k.)",
            Subject = "О визите к Вам домой",
            Body = "{Salutation}\n\nМы хотели бы посетить Вас на дому по вопросу услуги «{Service}» (дело № {CaseNumber}). Просим позвонить по тел. {EmployeePhone} и согласовать удобное для Вас время.\n\n{Date}" + SignatureRu,
        },
    ];
}

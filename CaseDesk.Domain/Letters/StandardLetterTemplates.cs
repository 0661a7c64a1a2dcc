namespace CaseDesk.Domain.Letters;

/// <summary>Starter templates (touchpoint 6: accurate, easy to understand, respectful and friendly). Admins may add more.</summary>
public static class StandardLetterTemplates
{
    public const string Signature = "\n\nPagarbiai\n{EmployeeName}\n{EmployeePosition}\n{Unit}\nTel. {EmployeePhone}";

    public static IReadOnlyList<LetterTemplate> All { get; } =
    [
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0001-4c61-9f4e-6a3a1f000001"), Code = "documents",
            Name = "Reikalingi dokumentai",
            Subject = "Dėl dokumentų paslaugai „{Service}“",
            Body = "Gerb. {ClientName},\n\ndėkojame, kad kreipėtės. Kad galėtume suteikti paslaugą „{Service}“ (atvejo Nr. {CaseNumber}), prašome pateikti šiuos dokumentus:\n\n– \n– \n\nDokumentus galite atnešti į skyrių, atsiųsti el. paštu arba perduoti socialiniam darbuotojui apsilankymo metu. Jei kas neaišku, skambinkite – mielai paaiškinsime.\n\n{Date}" + Signature,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0002-4c61-9f4e-6a3a1f000002"), Code = "decision",
            Name = "Sprendimas dėl paslaugos",
            Subject = "Sprendimas dėl paslaugos „{Service}“",
            Body = "Gerb. {ClientName},\n\ninformuojame, kad dėl Jūsų prašymo (atvejo Nr. {CaseNumber}) priimtas sprendimas:\n\n\n\nToliau: \n\nJei nesutinkate su sprendimu ar turite klausimų, kreipkitės tel. {EmployeePhone}.\n\n{Date}" + Signature,
        },
        new()
        {
            Id = Guid.Parse("1b8c8f0e-0003-4c61-9f4e-6a3a1f000003"), Code = "visit",
            Name = "Apsilankymas namuose",
            Subject = "Dėl apsilankymo Jūsų namuose",
            Body = "Gerb. {ClientName},\n\nnorėtume aplankyti Jus namuose dėl paslaugos „{Service}“ (atvejo Nr. {CaseNumber}). Prašome paskambinti tel. {EmployeePhone} ir suderinti Jums patogų laiką.\n\n{Date}" + Signature,
        },
    ];
}

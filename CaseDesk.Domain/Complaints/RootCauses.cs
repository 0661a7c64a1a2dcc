namespace CaseDesk.Domain.Complaints;

/// <summary>The starting root-cause taxonomy; the standard officer manages it from there.</summary>
public static class RootCauses
{
    public static IReadOnlyList<RootCause> Defaults { get; } =
    [
        new() { Code = "information", NameLt = "Netiksli ar nepakankama informacija klientui", NameEn = "Inaccurate or insufficient information to the client" },
        new() { Code = "delay", NameLt = "Vėlavimas, nesilaikyta termino", NameEn = "Delay, a deadline not kept" },
        new() { Code = "communication", NameLt = "Bendravimas (nepagarbus, nepozityvus)", NameEn = "Communication (not respectful or positive)" },
        new() { Code = "routing", NameLt = "Klientas nukreiptas ne pas tą specialistą", NameEn = "Client routed to the wrong specialist" },
        new() { Code = "process", NameLt = "Procedūros ar proceso trūkumas", NameEn = "A gap in a procedure or process" },
        new() { Code = "resources", NameLt = "Trūksta išteklių", NameEn = "Not enough resources" },
        new() { Code = "privacy", NameLt = "Privatumo ar asmens duomenų pažeidimas", NameEn = "A privacy or personal data breach" },
        new() { Code = "legal", NameLt = "Teisės aktų apribojimai", NameEn = "Limits set by law" },
        new() { Code = "other", NameLt = "Kita", NameEn = "Other" },
    ];
}

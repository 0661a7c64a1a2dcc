namespace CaseDesk.Domain.Reference;

/// <summary>The four phases of the client's path in section 5 of the standard.</summary>
public enum JourneyPhase
{
    BeforeArriving = 1,
    OnArrival = 2,
    ServicePreparation = 3,
    ServiceDelivery = 4,
}

/// <summary>One of the ten touchpoints of the standard's section 5 table.</summary>
public sealed class Touchpoint
{
    public int Number { get; set; }
    public JourneyPhase Phase { get; set; }
    public string NameLt { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NeedsLt { get; set; } = "";
    public string NeedsEn { get; set; } = "";
    public string RepresentativesLt { get; set; } = "";
    public string RepresentativesEn { get; set; } = "";
}

/// <summary>One of the eleven commitments (I-XI) of section 4.</summary>
public sealed class Commitment
{
    public int Number { get; set; }
    public string Numeral { get; set; } = "";
    public string TitleLt { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string SummaryLt { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    /// <summary>Measured by response-time clocks (VIII, IX, X, XI).</summary>
    public bool IsMeasured { get; set; }
}

/// <summary>A client group of section 2.</summary>
public sealed class ClientGroup
{
    public string Code { get; set; } = "";
    public int SortOrder { get; set; }
    public string NameLt { get; set; } = "";
    public string NameEn { get; set; } = "";
}

/// <summary>A unit (division) of the department; staff and cases belong to one.</summary>
public sealed class OrgUnit
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string NameLt { get; set; } = "";
    public string NameEn { get; set; } = "";
}

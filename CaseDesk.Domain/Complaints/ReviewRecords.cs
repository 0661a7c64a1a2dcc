namespace CaseDesk.Domain.Complaints;

/// <summary>12.2: the periodic hand-over of feedback to the employees and heads concerned, as it was sent.</summary>
public sealed class FeedbackDigest
{
    public Guid Id { get; set; }
    public DateTime PeriodFromUtc { get; set; }
    public DateTime PeriodToUtc { get; set; }
    public DateTime SentAtUtc { get; set; }
    public string SentByUserId { get; set; } = "";
    /// <summary>The digest text as handed over (counts and items of the period).</summary>
    public string Body { get; set; } = "";
    /// <summary>Who received it (user ids, comma-separated).</summary>
    public string Recipients { get; set; } = "";
}

/// <summary>12.3: the yearly review of the standard: findings, decisions, changes, and that staff were told.</summary>
public sealed class StandardReview
{
    public Guid Id { get; set; }
    public DateOnly ReviewDate { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string Findings { get; set; } = "";
    public string Decisions { get; set; } = "";
    public string? ChangesToStandard { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public DateTime? StaffInformedAtUtc { get; set; }
    public string? StaffInformedHow { get; set; }
}

/// <summary>12.3: an employee whose work exceeded the standard, noted with the reason.</summary>
public sealed class EmployeeCommendation
{
    public Guid Id { get; set; }
    public string EmployeeUserId { get; set; } = "";
    public DateTime NotedAtUtc { get; set; }
    public string NotedByUserId { get; set; } = "";
    public string Reason { get; set; } = "";
    public Guid? ComplaintId { get; set; }
}

using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;

namespace CaseDesk.Domain.Public;

/// <summary>
/// Feedback given on the public website by an anonymous visitor (touchpoint 1, source <see cref="FeedbackSource.Website"/>). It lands
/// in the standard officer's intake through the same registration as staff-registered feedback (same number series, same clocks under
/// commitment XI). <paramref name="Contact"/> is an e-mail address or a phone number, or nothing (anonymous); with an e-mail address
/// the tracking code is also mailed through the outbox. <paramref name="SubmissionKey"/> is the form's one-time key: a second post of
/// the same form is refused and gets no second code. Returns the tracking code, shown once.
/// </summary>
[PublicRequest]
public sealed record SubmitPublicFeedback(
    FeedbackKind Kind, string Text, int? Touchpoint, string? Name, string? Contact, string Language, string SubmissionKey) : ICommand<PublicFeedbackReceipt>;

/// <summary>The code to keep (shown once), and whether it was also queued to the visitor's e-mail address.</summary>
public sealed record PublicFeedbackReceipt(string Code, bool CodeMailed);

/// <summary>
/// What the holder of a tracking code may see of their feedback, or null for a wrong or expired code (the same null: nothing tells a
/// wrong code from an expired one). Never internal notes, staff names, the client's own text or anything about other people.
/// </summary>
[PublicRequest]
public sealed record GetPublicFeedbackStatus(string Code) : IQuery<PublicFeedbackStatus?>, IAuditedRead
{
    /// <summary>
    /// Set by the handler when the code showed a status, so the audit row (written after the handler) names the complaint read;
    /// a wrong or expired code leaves it empty. Not part of the request the website sends.
    /// </summary>
    internal Guid? ShownComplaintId { get; set; }

    string IAuditedRead.AuditedRecordType => nameof(Complaint);
    string? IAuditedRead.AuditedRecordId => ShownComplaintId?.ToString();
}

/// <summary>The stages in plain words, as the status page names them.</summary>
public enum PublicStage
{
    Registered = 1,
    BeingLookedInto = 2,
    ActionsDecided = 3,
    Done = 4,
}

/// <summary>A text the department wrote to the person, shown on the status page.</summary>
public enum PublicReplyKind
{
    /// <summary>The complaint's acknowledgement (and apology, when the department was at fault).</summary>
    Acknowledgement = 1,
    /// <summary>The action plan the person was given.</summary>
    ActionPlan = 2,
    /// <summary>What was decided and done (touchpoint 10).</summary>
    Outcome = 3,
    /// <summary>The thanks for a suggestion or praise.</summary>
    Thanks = 4,
}

public sealed record PublicStageDate(PublicStage Stage, DateTime AtUtc);

public sealed record PublicReply(PublicReplyKind Kind, DateTime AtUtc, string Text);

public sealed record PublicFeedbackStatus(
    FeedbackKind Kind, int? Touchpoint, DateTime ReceivedAtUtc, PublicStage Stage, IReadOnlyList<PublicStageDate> Dates,
    IReadOnlyList<PublicReply> Replies);

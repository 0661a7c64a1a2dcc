using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Work;

namespace CaseDesk.App.Services;

/// <summary>English names of the domain's enums; components pass them through the localizer (L[Names.Of(x)]).</summary>
public static class Names
{
    public static string Of(ClientLanguage language) => language switch
    {
        ClientLanguage.Lithuanian => "Lithuanian",
        ClientLanguage.Russian => "Russian",
        ClientLanguage.Polish => "Polish",
        ClientLanguage.SignLanguage => "Sign language",
        ClientLanguage.English => "English",
        _ => "Other language",
    };

    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Registered => "Registered, not assigned",
        CaseStatus.Assigned => "With a caseworker",
        CaseStatus.ServiceStarted => "Service started",
        _ => "Closed",
    };

    public static string Of(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.ServiceGranted => "Service granted",
        CaseOutcome.ServiceRefused => "Service refused",
        CaseOutcome.Withdrawn => "Withdrawn by the client",
        CaseOutcome.ReferredElsewhere => "Referred elsewhere",
        _ => "Information only",
    };

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.PhoneIn => "Phone call from the client",
        ContactChannel.PhoneOut => "Phone call to the client",
        ContactChannel.EmailIn => "E-mail from the client",
        ContactChannel.EmailOut => "E-mail to the client",
        ContactChannel.OfficeVisit => "Visit to the office",
        ContactChannel.HomeVisit => "Home visit",
        ContactChannel.Letter => "Letter",
        ContactChannel.WebsiteForm => "Website form",
        _ => "Social network",
    };

    public static string Of(ContactDirection direction) => direction switch
    {
        ContactDirection.FromClient => "From the client",
        ContactDirection.ToClient => "To the client",
        _ => "Face to face",
    };

    public static string Of(DuplicateReason reason) => reason switch
    {
        DuplicateReason.SamePersonalCode => "Same personal code",
        DuplicateReason.SameNameAndPhone => "Same name and phone",
        DuplicateReason.SameNameAndBirthDate => "Same name and date of birth",
        _ => "Same phone",
    };

    public static string Of(ClockKind kind) => kind switch
    {
        ClockKind.CallBack => "Call-back",
        ClockKind.EmailReply => "E-mail reply",
        ClockKind.InformationLetter => "Information letter sent",
        ClockKind.VisitAgreed => "Home visit time agreed",
        ClockKind.VisitArrival => "Arrival at the agreed time",
        ClockKind.ComplaintAcknowledged => "Complaint acknowledged",
        ClockKind.ComplaintResolved => "Complaint resolved",
        ClockKind.Promise => "Promise kept",
        _ => "Client told of a reschedule",
    };

    public static string Of(ClockStatus status) => status switch
    {
        ClockStatus.OnTrack => "On track",
        ClockStatus.AtRisk => "At risk",
        ClockStatus.Breached => "Breached",
        ClockStatus.Paused => "Paused",
        ClockStatus.Met => "Met",
        ClockStatus.Missed => "Missed",
        _ => "Cancelled",
    };

    public static string Of(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Complaint => "Complaint",
        FeedbackKind.Praise => "Praise",
        _ => "Suggestion",
    };

    public static string Of(FeedbackSource source) => source switch
    {
        FeedbackSource.InPerson => "In person",
        FeedbackSource.Phone => "Phone",
        FeedbackSource.Email => "E-mail",
        FeedbackSource.Website => "Website",
        FeedbackSource.FeedbackBook => "Feedback and suggestion book",
        FeedbackSource.ClientSurvey => "Client survey",
        FeedbackSource.ResidentSurvey => "Resident survey",
        _ => "Social networks",
    };

    public static string Of(ComplaintStage stage) => stage switch
    {
        ComplaintStage.Registered => "Registered",
        ComplaintStage.Acknowledged => "Acknowledged to the client",
        ComplaintStage.FactsClarified => "Facts clarified",
        ComplaintStage.ActionPlanTold => "Action plan told to the client",
        ComplaintStage.Routed => "Routed to the heads",
        ComplaintStage.RootCauseFound => "Root cause found",
        ComplaintStage.ActionsPlanned => "Corrective actions planned",
        ComplaintStage.ActionsVerified => "Actions verified",
        ComplaintStage.ClientInformed => "Client told what was done",
        _ => "Closed",
    };

    public static string Of(VerificationResult result) => result switch
    {
        VerificationResult.Done => "Done",
        _ => "Not done",
    };

    public static string Of(ComplaintScope scope) => scope switch
    {
        ComplaintScope.Open => "Still open",
        ComplaintScope.Closed => "Finished",
        _ => "All",
    };

    public static string Of(AnalysisDimension dimension) => dimension switch
    {
        AnalysisDimension.RootCause => "By root cause",
        AnalysisDimension.Touchpoint => "By touchpoint",
        AnalysisDimension.Commitment => "By commitment",
        _ => "By unit",
    };

    public static string Of(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Monday",
        DayOfWeek.Tuesday => "Tuesday",
        DayOfWeek.Wednesday => "Wednesday",
        DayOfWeek.Thursday => "Thursday",
        DayOfWeek.Friday => "Friday",
        DayOfWeek.Saturday => "Saturday",
        _ => "Sunday",
    };

    public static string Of(EmailStatus status) => status switch
    {
        EmailStatus.Unmatched => "Not matched to a client",
        EmailStatus.Open => "To answer",
        EmailStatus.ReplySending => "Reply being sent",
        _ => "Answered",
    };

    public static string Of(EmailInboxFilter filter) => filter switch
    {
        EmailInboxFilter.Unanswered => "Unanswered",
        EmailInboxFilter.Unmatched => "Not matched to a client",
        EmailInboxFilter.Open => "To answer",
        EmailInboxFilter.Answered => "Answered",
        _ => "All",
    };

    public static string Of(WorkKind kind) => kind switch
    {
        WorkKind.CallBack => "Call back",
        WorkKind.EmailReply => "Answer an e-mail",
        WorkKind.Promise => "Keep a promise",
        WorkKind.Letter => "Send a letter",
        WorkKind.VisitToAgree => "Agree a visit time",
        WorkKind.Visit => "Home visit",
        WorkKind.CorrectiveAction => "Carry out an action",
        WorkKind.ReplyFailed => "Reply not delivered",
        WorkKind.ComplaintMessageFailed => "Complaint e-mail not delivered",
        _ => "Case action due",
    };

    public static string Of(RetentionKind kind) => kind switch
    {
        RetentionKind.ClientsAndClosedCases => "Clients whose cases are all closed",
        RetentionKind.Contacts => "Contacts and promises",
        RetentionKind.PhoneMessages => "Phone messages",
        RetentionKind.Emails => "E-mails and replies",
        RetentionKind.Letters => "Information letters",
        RetentionKind.HomeVisits => "Home visits",
        RetentionKind.Complaints => "Complaints and suggestions",
        _ => "Audit log",
    };

    public static string Of(ErasureStatus status) => status switch
    {
        ErasureStatus.Requested => "Waiting for a decision",
        ErasureStatus.Refused => "Refused",
        _ => "Erased (anonymized)",
    };

    public static string Of(ErasureGround ground) => ground switch
    {
        ErasureGround.ClientRequest => "The client asked",
        ErasureGround.NoLongerNeeded => "No longer needed",
        ErasureGround.ConsentWithdrawn => "Consent withdrawn",
        ErasureGround.Objection => "The client objected",
        ErasureGround.UnlawfullyProcessed => "Processed unlawfully",
        _ => "Required by law",
    };

    public static string Of(DashboardWindow window) => window switch
    {
        DashboardWindow.Today => "Today",
        DashboardWindow.Last7Days => "7 days",
        _ => "30 days",
    };

    public static string Of(ComplaintAgeBand band) => band switch
    {
        ComplaintAgeBand.UpToAWeek => "Up to a week",
        ComplaintAgeBand.UpToFourWeeks => "1-4 weeks",
        _ => "Over 4 weeks",
    };

    public static string Of(DashboardDetail detail) => detail switch
    {
        DashboardDetail.FinishedClocks => "Finished clocks",
        DashboardDetail.OpenClocks => "Open clocks now",
        DashboardDetail.OpenComplaints => "Open complaints",
        _ => "Corrective actions overdue",
    };

    /// <summary>A target as a person says it: "1 working day", "15 min", "before the agreed time", "by the promised time".</summary>
    public static string Target(int minutes, TargetUnit unit, Func<string, string> L) => unit switch
    {
        TargetUnit.BeforeDeadline => L("before the agreed time"),
        TargetUnit.ByDeadline => L("by the promised time"),
        TargetUnit.WallMinutes => $"{minutes} min",
        _ when minutes % WorkingCalendar.MinutesPerWorkingDay == 0 => $"{minutes / WorkingCalendar.MinutesPerWorkingDay} {L("working day(s)")}",
        _ => $"{minutes / 60.0:0.##} {L("working hrs")}",
    };

    /// <summary>The usual direction of a channel, so the contact form can pre-select it.</summary>
    public static ContactDirection DefaultDirection(ContactChannel channel) => channel switch
    {
        ContactChannel.PhoneIn or ContactChannel.EmailIn or ContactChannel.WebsiteForm or ContactChannel.SocialNetwork => ContactDirection.FromClient,
        ContactChannel.PhoneOut or ContactChannel.EmailOut or ContactChannel.Letter => ContactDirection.ToClient,
        _ => ContactDirection.FaceToFace,
    };

    public static string Of(IncidentType type) => type switch
    {
        IncidentType.Complaint => "Complaint",
        IncidentType.Conflict => "Conflict",
        IncidentType.Error => "Error",
        IncidentType.IntoxicatedClient => "Intoxicated client",
        IncidentType.AggressiveClient => "Aggressive client",
        IncidentType.DifficultCall => "Difficult call",
        _ => "Other situation",
    };

    public static string Of(TrainingCopyStatus status) => status == TrainingCopyStatus.Released ? "Released to trainers" : "Draft, to review";

    public static string Of(PersonRole role) => role switch
    {
        PersonRole.Client => "Client",
        PersonRole.HouseholdMember => "Household member",
        PersonRole.Employee => "Employee",
        _ => "Other person",
    };

    public static string Of(RedactionKind kind) => kind switch
    {
        RedactionKind.Name => "Name",
        RedactionKind.PersonalCode => "Personal code",
        RedactionKind.Phone => "Phone",
        RedactionKind.Email => "E-mail",
        RedactionKind.Address => "Address",
        RedactionKind.BirthDate => "Date of birth",
        RedactionKind.Age => "Age",
        RedactionKind.Date => "Date",
        RedactionKind.Reference => "Record number",
        _ => "Known detail",
    };

    public static string Of(IncidentListFilter filter) => filter switch
    {
        IncidentListFilter.ToReview => "To review",
        IncidentListFilter.Released => "Released",
        _ => "All",
    };
}

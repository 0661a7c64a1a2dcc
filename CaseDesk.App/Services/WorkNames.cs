using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Work;

namespace CaseDesk.App.Services;

/// <summary>English names of the inbox and "My work" enums; components pass them through the localizer.</summary>
public static class WorkNames
{
    public static string Of(EmailStatus status) => status switch
    {
        EmailStatus.Unmatched => "Not matched to a client",
        EmailStatus.Open => "To answer",
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
        _ => "Case action due",
    };

    public static string Icon(WorkKind kind) => kind switch
    {
        WorkKind.CallBack => "phone_callback",
        WorkKind.EmailReply => "mail",
        WorkKind.Promise => "handshake",
        WorkKind.Letter => "description",
        WorkKind.VisitToAgree => "event",
        WorkKind.Visit => "home",
        _ => "folder_open",
    };
}

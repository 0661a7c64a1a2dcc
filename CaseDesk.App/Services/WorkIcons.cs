using CaseDesk.Domain.Work;

namespace CaseDesk.App.Services;

/// <summary>The icon of each kind of "My work" item.</summary>
public static class WorkIcons
{
    public static string Icon(WorkKind kind) => kind switch
    {
        WorkKind.CallBack => "phone_callback",
        WorkKind.EmailReply => "mail",
        WorkKind.Promise => "handshake",
        WorkKind.Letter => "description",
        WorkKind.VisitToAgree => "event",
        WorkKind.Visit => "home",
        WorkKind.CorrectiveAction => "build",
        _ => "folder_open",
    };
}

using CaseDesk.Domain.Work;
using MudBlazor;

namespace CaseDesk.App.Services;

/// <summary>The icon of each kind of "My work" item.</summary>
public static class WorkIcons
{
    public static string Icon(WorkKind kind) => kind switch
    {
        WorkKind.CallBack => Icons.Material.Outlined.PhoneCallback,
        WorkKind.EmailReply => Icons.Material.Outlined.Mail,
        WorkKind.ReplyFailed => Icons.Material.Outlined.CancelScheduleSend,
        WorkKind.ComplaintMessageFailed => Icons.Material.Outlined.CancelScheduleSend,
        WorkKind.Promise => Icons.Material.Outlined.Handshake,
        WorkKind.Letter => Icons.Material.Outlined.Description,
        WorkKind.VisitToAgree => Icons.Material.Outlined.Event,
        WorkKind.Visit => Icons.Material.Outlined.Home,
        WorkKind.CorrectiveAction => Icons.Material.Outlined.Build,
        _ => Icons.Material.Outlined.FolderOpen,
    };
}

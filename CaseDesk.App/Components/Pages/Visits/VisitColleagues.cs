using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;

namespace CaseDesk.App.Components.Pages.Visits;

internal static class VisitColleagues
{
    /// <summary>Caseworkers and heads: the people whose calendars hold visits.</summary>
    public static async Task<IReadOnlyList<Colleague>> VisitingStaffAsync(UiSender sender) =>
        (await sender.Send(new ListColleagues())).Where(c => c.Roles.Contains(Roles.Caseworker) || c.Roles.Contains(Roles.Head)).ToList();

    public static async Task<IReadOnlyList<Colleague>> SecondEmployeesAsync(UiSender sender, string visitingCaseworkerId) =>
        (await VisitingStaffAsync(sender)).Where(c => c.Id != visitingCaseworkerId).ToList();
}

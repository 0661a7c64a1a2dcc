using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CaseDesk.App.Hosting;

/// <summary>
/// Live dashboard figures for clients other than the Blazor pages (the wallboard). A client calls
/// <see cref="Watch"/> for a scope and window, gets the current figures back and then a
/// <see cref="FiguresMessage"/> after every change. A reconnected client calls Watch again and so catches up:
/// it always gets the full current figures, whatever it missed.
/// </summary>
[Authorize(Roles = $"{Roles.Head},{Roles.QualityOfficer}")]
public sealed class DashboardHub(ICaseDeskSender sender, DashboardTallies tallies, DashboardWatchers watchers) : Hub
{
    public const string Path = "/hubs/dashboard";
    public const string FiguresMessage = "figures";

    /// <param name="scope">"department", "unit:{id}" or "owner:{userId}".</param>
    /// <param name="window">1 today, 2 last 7 days, 3 last 30 days.</param>
    /// <param name="lastSequence">The sequence the client last saw (0 for none); the answer is always the full figures.</param>
    public async Task<DashboardPush> Watch(string scope, int window, long lastSequence)
    {
        DashboardScope parsed;
        try
        {
            parsed = DashboardScope.Parse(scope);
        }
        catch (FormatException)
        {
            throw new HubException($"'{scope}' is not a dashboard scope.");
        }
        if (!Enum.IsDefined((DashboardWindow)window))
            throw new HubException($"{window} is not a dashboard window.");

        // Joins before reading, so no change falls between the figures returned and the first push
        // (a push may then overtake the answer; clients keep the higher sequence).
        var watch = new DashboardWatch(parsed, (DashboardWindow)window);
        if (watchers.Watch(Context.ConnectionId, watch) is { } previous)
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, watchers.GroupOf(previous));
        await Groups.AddToGroupAsync(Context.ConnectionId, watchers.GroupOf(watch));
        try
        {
            // As the signed-in user, so the query layer's authorization applies as it does for the pages.
            var figures = await Send(new GetDashboard(watch.Scope, watch.Window));
            return new DashboardPush(figures.Sequence, tallies.LastCommitUtc, figures);
        }
        catch
        {
            watchers.Forget(Context.ConnectionId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, watchers.GroupOf(watch));
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<T> Send<T>(MediatR.IRequest<T> request)
    {
        try
        {
            return await sender.Send(request, UiSender.CallerFrom(Context.User!), Context.ConnectionAborted);
        }
        catch (Exception e) when (e is AccessDeniedException or RequestValidationException or DomainRefusalException)
        {
            throw new HubException(e.Message);
        }
    }
}

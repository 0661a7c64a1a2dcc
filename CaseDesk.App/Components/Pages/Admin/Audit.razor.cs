using CaseDesk.App.Services;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CaseDesk.App.Components.Pages.Admin;

/// <summary>
/// The audit log as an auditor reads it (issue 16): who by name and role, the action's name, the record by its human reference,
/// details folded per row. Filters go to the domain query (paged there) and to the CSV link, so the export holds the rows on screen.
/// </summary>
public partial class Audit
{
    private static readonly AuditKind[] Kinds = Enum.GetValues<AuditKind>();

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private UiSender Sender { get; set; } = default!;
    [Inject] private UiFeedback Feedback { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private MudDataGrid<AuditRow>? grid;
    private readonly Debounce typing = new();
    private bool opensClients;
    private string? user;
    private string? record;
    private string? action;
    private AuditKind? kind;
    private DateTime? from;
    private DateTime? to;
    private bool flaggedOnly;

    private AuditFilter Filter => new(user, kind, record,
        from is { } f ? DateOnly.FromDateTime(f) : null, to is { } t ? DateOnly.FromDateTime(t) : null, flaggedOnly, action);

    protected override async Task OnInitializedAsync()
    {
        // Record links only for those who may open clients' records; the administrator would meet an access-denied page.
        var principal = Authentication is null ? null : (await Authentication).User;
        opensClients = principal is not null && Roles.ClientStaff.Any(principal.IsInRole);
    }

    private async Task<GridData<AuditRow>> LoadAsync(GridState<AuditRow> state, CancellationToken _)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        AuditLogPage? page = null;
        await Feedback.Try(async () => page = await Sender.Send(new ListAuditEntries(
            new ListWindow(state.Page * state.PageSize, state.PageSize, sort?.SortBy, sort?.Descending ?? true), Filter)));
        return new GridData<AuditRow> { Items = page?.Items ?? [], TotalItems = page?.Total ?? 0 };
    }

    private async Task OnUser(string? value)
    {
        user = value;
        if (await typing.SettledAsync())
            await ReloadAsync();
    }

    private async Task OnRecord(string? value)
    {
        record = value;
        if (await typing.SettledAsync())
            await ReloadAsync();
    }

    private Task OnAction(string? value)
    {
        action = value;
        return ReloadAsync();
    }

    private Task OnKind(AuditKind? value)
    {
        kind = value;
        return ReloadAsync();
    }

    private Task OnFrom(DateTime? value)
    {
        from = value;
        return ReloadAsync();
    }

    private Task OnTo(DateTime? value)
    {
        to = value;
        return ReloadAsync();
    }

    private Task OnFlagged(bool value)
    {
        flaggedOnly = value;
        return ReloadAsync();
    }

    /// <summary>A changed filter starts again at page 1.</summary>
    private async Task ReloadAsync()
    {
        if (grid is null)
            return;
        grid.NavigateTo(MudBlazor.Page.First);
        await grid.ReloadServerData();
    }

    private Task<IEnumerable<string>> SearchActions(string? text, CancellationToken _)
    {
        var key = Domain.Clients.Client.SearchKey(text ?? "");
        return Task.FromResult(AuditNames.AllActions()
            .Where(a => key.Length == 0 || Domain.Clients.Client.SearchKey(a.Name).Contains(key, StringComparison.Ordinal))
            .Select(a => a.Code));
    }

    private static string ActionName(string? code) => code is null ? "" : AuditNames.Action(code);

    private string? LinkTo(AuditRecordRef r) => opensClients && r.Id is { } id && !string.IsNullOrEmpty(r.Reference)
        ? r.Type switch
        {
            "Client" => $"clients/{id}",
            "Case" => $"cases/{id}",
            "Complaint" => $"complaints/{id}",
            _ => null,
        }
        : null;

    private static string KindIcon(AuditKind k) => k switch
    {
        AuditKind.Change => Icons.Material.Filled.Edit,
        AuditKind.Read => Icons.Material.Filled.Visibility,
        AuditKind.Denied => Icons.Material.Filled.Block,
        _ => Icons.Material.Filled.DoNotDisturbOn,
    };

    private static Color KindColor(AuditKind k) => k is AuditKind.Denied or AuditKind.Refused ? Color.Error : Color.Default;

    public void Dispose() => typing.Cancel();
}

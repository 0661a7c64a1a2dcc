using System.Globalization;
using System.Text.RegularExpressions;
using CaseDesk.App.Components.Shared;
using CaseDesk.App.Services;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace CaseDesk.App.Components.Pages.Settings;

/// <summary>
/// Office hours (the whole week in one form, one save), one-off closures, and the year's public holidays with the
/// shortened eves before them. Only a Head or Admin changes them; the request layer enforces it.
/// </summary>
public sealed partial class WorkingCalendarPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private UiSender Sender { get; set; } = default!;
    [Inject] private UiFeedback Feedback { get; set; } = default!;
    [Inject] private UiDialogs Dialogs { get; set; } = default!;
    [Inject] private InputLimits Limits { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private WorkingCalendarDetails? calendar;
    private List<DayDraft> week = [];
    private EditContext hoursContext = new(new object());
    private ValidationMessageStore dayMessages = default!;
    private ServerValidation? hoursValidation;
    private ServerValidation? closureValidation;
    private ClosureInput closure = new();
    private int year;
    private bool canEdit;
    private bool saving;

    private bool HoursChanged => calendar is not null && week.Zip(calendar.Hours)
        .Any(p => p.First.Opens != p.Second.Opens?.ToTimeSpan() || p.First.Closes != p.Second.Closes?.ToTimeSpan());

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        canEdit = user.IsInRole(Roles.Head) || user.IsInRole(Roles.Admin);
        year = VilniusTime.Now(Clock).Year;
        await Load(resetHours: true);
    }

    private string DayName(DayOfWeek day) => L[Names.Of(day)];

    private static Dictionary<string, object?> Attributes(DayOfWeek day, string half, string label) => new()
    {
        ["name"] = $"{day}.{half}",
        ["aria-label"] = label,
        ["data-testid"] = $"{day}-{half}".ToLowerInvariant(),
    };

    private async Task Load(bool resetHours)
    {
        await Feedback.Try(async () => calendar = await Sender.Send(new GetWorkingCalendar(year)));
        if (resetHours && calendar is not null)
            ResetHours(calendar);
    }

    // The week's form starts from what is stored; changing the holiday year keeps what someone is typing.
    private void ResetHours(WorkingCalendarDetails details)
    {
        week = details.Hours.Select(h => new DayDraft(h.Day, h.Version) { Opens = h.Opens?.ToTimeSpan(), Closes = h.Closes?.ToTimeSpan() }).ToList();
        hoursContext = new EditContext(week);
        dayMessages = new ValidationMessageStore(hoursContext);
        hoursContext.OnFieldChanged += (_, e) =>
        {
            dayMessages.Clear(e.FieldIdentifier);
            hoursContext.NotifyValidationStateChanged();
        };
    }

    private void UndoHours()
    {
        if (calendar is not null)
            ResetHours(calendar);
    }

    private async Task OnYear(int value)
    {
        year = value;
        if (year is >= 2000 and <= 2100)
            await Load(resetHours: false);
    }

    private async Task SaveHours()
    {
        dayMessages.Clear();
        hoursValidation?.Clear();
        saving = true;
        var days = week.Select(d => new OfficeDayHours(d.Day, ToTime(d.Opens), ToTime(d.Closes), d.Version)).ToList();
        var ok = await Feedback.Try(async () =>
        {
            try
            {
                await Sender.Send(new SetOfficeHours(days));
            }
            catch (RequestValidationException e)
            {
                // A day's message goes under that day's field; anything else above the form.
                var rest = e.Errors.Where(error => !ShowAtDay(error.Key, error.Value)).ToDictionary();
                hoursContext.NotifyValidationStateChanged();
                throw new RequestValidationException(rest);
            }
        }, hoursValidation);
        saving = false;
        if (ok)
        {
            Feedback.Saved(L["Office hours saved."]);
            await Load(resetHours: true);
        }
    }

    private bool ShowAtDay(string key, string[] messages)
    {
        var match = DayKey().Match(key);
        if (!match.Success)
            return false;
        var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (index >= week.Count)
            return false;
        dayMessages.Add(new FieldIdentifier(week[index], match.Groups[2].Value), messages);
        return true;
    }

    private async Task SaveClosure()
    {
        closureValidation?.Clear();
        if (closure.Date is not { } date)
        {
            closureValidation?.Show(new Dictionary<string, string[]> { [nameof(ClosureInput.Date)] = [L["Choose the date."]] });
            return;
        }
        saving = true;
        var ok = await Feedback.Try(() => Sender.Send(new AddClosure(DateOnly.FromDateTime(date), closure.Reason ?? "")), closureValidation);
        saving = false;
        if (ok)
        {
            Feedback.Saved(L["The office is closed on {0}.", Display.Date(DateOnly.FromDateTime(date))]);
            closure = new ClosureInput();
            await Load(resetHours: false);
        }
    }

    private async Task AskRemoveClosure(ClosureRow row)
    {
        var day = Display.Date(row.Date);
        if (!await Dialogs.ConfirmAsync(L["Remove the closure?"], L["{0} ({1}) will count as a working day again for every clock.", day, row.Reason], L["Remove"]))
            return;
        if (await Feedback.Try(() => Sender.Send(new RemoveClosure(row.Date))))
        {
            Feedback.Saved(L["The closure on {0} was removed.", day]);
            await Load(resetHours: false);
        }
    }

    private static TimeOnly? ToTime(TimeSpan? time) => time is { } t ? TimeOnly.FromTimeSpan(t) : null;

    [GeneratedRegex(@"^Days\[(\d+)\]\.(Opens|Closes)$")]
    private static partial Regex DayKey();

    private sealed class DayDraft(DayOfWeek day, Guid version)
    {
        public DayOfWeek Day { get; } = day;
        public Guid Version { get; } = version;
        public TimeSpan? Opens { get; set; }
        public TimeSpan? Closes { get; set; }
    }

    private sealed class ClosureInput
    {
        public DateTime? Date { get; set; }
        public string? Reason { get; set; }
    }
}

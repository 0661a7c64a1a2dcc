using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Clocks;

/// <summary>Office hours, one-off closures, the public holidays of a year and the shortened eves before them.</summary>
[AnyStaff]
public sealed record GetWorkingCalendar(int Year) : IQuery<WorkingCalendarDetails>;

public sealed record OfficeDayRow(DayOfWeek Day, TimeOnly? Opens, TimeOnly? Closes, Guid Version);
public sealed record ClosureRow(DateOnly Date, string Reason);
public sealed record HolidayRow(DateOnly Date, string NameLt);
/// <summary>A working day before a public holiday, closing an hour early (Labour Code art. 112(4)).</summary>
public sealed record ShortDayRow(DateOnly Date, TimeOnly Closes, string HolidayNameLt);
public sealed record WorkingCalendarDetails(IReadOnlyList<OfficeDayRow> Hours, IReadOnlyList<ClosureRow> Closures, IReadOnlyList<HolidayRow> Holidays,
    IReadOnlyList<ShortDayRow> ShortDays);

internal sealed class GetWorkingCalendarValidator : AbstractValidator<GetWorkingCalendar>
{
    public GetWorkingCalendarValidator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage(_ => T("The date is out of range."));
}

internal sealed class GetWorkingCalendarHandler(CaseDeskDb db) : IRequestHandler<GetWorkingCalendar, WorkingCalendarDetails>
{
    public async Task<WorkingCalendarDetails> Handle(GetWorkingCalendar request, CancellationToken ct)
    {
        var days = await db.OfficeDays.AsNoTracking().ToListAsync(ct);
        var ordered = days.OrderBy(d => ((int)d.Day + 6) % 7).Select(d => new OfficeDayRow(d.Day, d.Opens, d.Closes, d.Version)).ToList();
        var closures = await db.Closures.AsNoTracking().OrderBy(c => c.Date).Select(c => new ClosureRow(c.Date, c.Reason)).ToListAsync(ct);
        var holidays = WorkingCalendar.PublicHolidays(request.Year).Select(h => new HolidayRow(h.Date, h.NameLt)).OrderBy(h => h.Date).ToList();
        var calendar = await ClockBook.LoadCalendarAsync(db, ct);
        // Next year's 1 January makes this year's 31 December an eve.
        var shortDays = WorkingCalendar.PublicHolidays(request.Year).Concat(WorkingCalendar.PublicHolidays(request.Year + 1))
            .Select(h => (Eve: h.Date.AddDays(-1), h.NameLt))
            .Where(x => x.Eve.Year == request.Year && calendar.IsWorkingDay(x.Eve))
            .OrderBy(x => x.Eve)
            .Select(x => new ShortDayRow(x.Eve, calendar.ClosingTime(x.Eve)!.Value, x.NameLt)).ToList();
        return new WorkingCalendarDetails(ordered, closures, holidays, shortDays);
    }
}

/// <summary>
/// Changes the week's office hours in one save (a day with both times empty is closed). Each day carries the version
/// it was read at; running clocks keep the due times they have.
/// </summary>
[AllowedRoles(Roles.Head, Roles.Admin)]
public sealed record SetOfficeHours(IReadOnlyList<OfficeDayHours> Days) : ICommand<MediatR.Unit>;

public sealed record OfficeDayHours(DayOfWeek Day, TimeOnly? Opens, TimeOnly? Closes, Guid Version);

internal sealed class SetOfficeHoursValidator : AbstractValidator<SetOfficeHours>
{
    public SetOfficeHoursValidator()
    {
        RuleFor(r => r.Days).NotEmpty().WithMessage(_ => T("Enter the office hours."))
            .Must(days => days.Select(d => d.Day).Distinct().Count() == days.Count).WithMessage(_ => T("Each weekday once."));
        RuleForEach(r => r.Days).ChildRules(day =>
        {
            day.RuleFor(d => d.Day).IsInEnum();
            day.RuleFor(d => d.Opens).NotNull().When(d => d.Closes is not null).WithMessage(_ => T("Enter when the office opens (or leave both empty for a closed day)."));
            day.RuleFor(d => d.Closes).NotNull().When(d => d.Opens is not null).WithMessage(_ => T("Enter when the office closes (or leave both empty for a closed day)."))
                .Must((d, closes) => closes is null || d.Opens is null || closes > d.Opens).WithMessage(_ => T("The office must close after it opens (or leave both empty for a closed day)."));
        });
    }
}

internal sealed class SetOfficeHoursHandler(CaseDeskDb db) : IRequestHandler<SetOfficeHours, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(SetOfficeHours request, CancellationToken ct)
    {
        var days = await db.OfficeDays.ToDictionaryAsync(d => d.Day, ct);
        foreach (var wanted in request.Days)
        {
            var day = days.GetValueOrDefault(wanted.Day) ?? throw new NotFoundException("OfficeDay", wanted.Day);
            if (day.Opens == wanted.Opens && day.Closes == wanted.Closes && day.Version == wanted.Version)
                continue; // unchanged: its version stays, so a colleague's save of another day does not conflict
            db.ExpectVersion(day, wanted.Version);
            day.Opens = wanted.Opens;
            day.Closes = wanted.Closes;
        }
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }
}

[AllowedRoles(Roles.Head, Roles.Admin)]
public sealed record AddClosure(DateOnly Date, string Reason) : ICommand<MediatR.Unit>;

internal sealed class AddClosureValidator : AbstractValidator<AddClosure>
{
    public AddClosureValidator(CaseDeskDb db)
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say why the office is closed."))
            .MaximumLength(300).WithMessage(_ => T("At most {0} characters.", 300));
        RuleFor(r => r.Date).Must(d => d.Year is >= 2000 and <= 2100).WithMessage(_ => T("The date is out of range."))
            .MustAsync(async (d, ct) => !await db.Closures.AnyAsync(c => c.Date == d, ct)).WithMessage(_ => T("That day is already marked closed."));
        RuleFor(r => r.Reason).SingleLine();
    }
}

internal sealed class AddClosureHandler(CaseDeskDb db) : IRequestHandler<AddClosure, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(AddClosure request, CancellationToken ct)
    {
        db.Closures.Add(new Closure { Date = request.Date, Reason = request.Reason.Trim() });
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }
}

[AllowedRoles(Roles.Head, Roles.Admin)]
public sealed record RemoveClosure(DateOnly Date) : ICommand<MediatR.Unit>;

internal sealed class RemoveClosureHandler(CaseDeskDb db) : IRequestHandler<RemoveClosure, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(RemoveClosure request, CancellationToken ct)
    {
        var closure = await db.Closures.SingleOrDefaultAsync(c => c.Date == request.Date, ct) ?? throw new NotFoundException("Closure", request.Date);
        db.Closures.Remove(closure);
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }
}

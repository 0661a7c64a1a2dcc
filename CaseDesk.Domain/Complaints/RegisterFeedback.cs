using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

/// <summary>
/// Registers a complaint or a suggestion from any source (9.2: all are registered and analysed),
/// linked to a client and case when known, or anonymous, tagged with touchpoints and commitments.
/// A complaint starts its acknowledgement and resolution clocks.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record RegisterFeedback(
    FeedbackKind Kind, FeedbackSource Source, DateTime ReceivedAtUtc, string Text, Guid? ClientId, Guid? CaseId,
    string? ContactName, string? ContactDetails, IReadOnlyList<int> Touchpoints, IReadOnlyList<string> Commitments) : ICommand<Guid>;

internal sealed class RegisterFeedbackValidator : AbstractValidator<RegisterFeedback>
{
    public RegisterFeedbackValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => T("Choose complaint, suggestion or praise."));
        RuleFor(r => r.Source).IsInEnum().WithMessage(_ => T("Choose where the feedback came from."));
        RuleFor(r => r.Text).NotEmpty().WithMessage(_ => T("Write what the client said."))
            .MaximumLength(8000).WithMessage(_ => T("At most {0} characters.", 8000));
        RuleFor(r => r.ReceivedAtUtc).Must(d => d <= clock.GetUtcNow().UtcDateTime.AddMinutes(5)).WithMessage(_ => T("The time received cannot be in the future."))
            .Must(d => d.Year >= 2000).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.ContactName).MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(r => r.ContactDetails).MaximumLength(300).WithMessage(_ => T("At most {0} characters.", 300));
        RuleFor(r => r.Touchpoints).Must(t => t.All(n => n is >= 1 and <= 10)).WithMessage(_ => T("Choose the touchpoint (1-10)."));
        RuleFor(r => r.Commitments).Must(c => c.All(n => ComplaintRules.Numerals.Contains(n))).WithMessage(_ => T("Unknown commitment."));
        RuleFor(r => r.ClientId).MustAsync(async (id, ct) => id is null || await db.Clients.AnyAsync(c => c.Id == id, ct)).WithMessage(_ => T("Unknown client."));
        RuleFor(r => r.CaseId).MustAsync(async (r, id, ct) => id is null || await db.Cases.AnyAsync(c => c.Id == id && c.ClientId == r.ClientId, ct))
            .WithMessage(_ => T("The case does not belong to this client."));
        RuleFor(r => r.Text).FreeText();
        RuleFor(r => r.ContactName).PersonName();
        RuleFor(r => r.ContactDetails).SingleLine();
        RuleForEach(r => r.Commitments).SingleLine();
    }
}

internal sealed class RegisterFeedbackHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<RegisterFeedback, Guid>
{
    public async Task<Guid> Handle(RegisterFeedback request, CancellationToken ct)
    {
        var complaint = await FeedbackIntake.RegisterAsync(db, clocks, clock, request, callers.Caller.UserId, ct);
        await db.SaveChangesAsync(ct);
        return complaint.Id;
    }
}

/// <summary>
/// The one way feedback enters CaseDesk, from staff (<see cref="RegisterFeedback"/>) or from the public website
/// (<see cref="Public.SubmitPublicFeedback"/>): the same number series and the same clocks. The caller saves.
/// </summary>
internal static class FeedbackIntake
{
    public static async Task<Complaint> RegisterAsync(CaseDeskDb db, ClockBook clocks, TimeProvider clock, RegisterFeedback request, string byUserId,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var number = await ComplaintRules.NextNumberAsync(db, request.Kind, VilniusTime.ToLocal(now).Year, ct);
        var complaint = new Complaint(Guid.CreateVersion7(), number, request.Kind, request.Source, request.ReceivedAtUtc, request.Text,
            request.ClientId, request.CaseId, request.ContactName, request.ContactDetails, now, byUserId);
        complaint.Tag(request.Touchpoints, request.Commitments, []);
        db.Complaints.Add(complaint);
        if (request.Kind == FeedbackKind.Complaint)
        {
            // 12.2: all feedback goes to the standard officer; the clocks run from when the department received it.
            await clocks.StartAsync(ClockKind.ComplaintAcknowledged, nameof(Complaint), complaint.Id, null, request.ClientId, request.CaseId, request.ReceivedAtUtc, ct);
            await clocks.StartAsync(ClockKind.ComplaintResolved, nameof(Complaint), complaint.Id, null, request.ClientId, request.CaseId, request.ReceivedAtUtc, ct);
        }
        return complaint;
    }
}

internal static class ComplaintRules
{
    public static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"];

    public static async Task<string> NextNumberAsync(CaseDeskDb db, FeedbackKind kind, int year, CancellationToken ct)
    {
        var prefix = $"{kind switch { FeedbackKind.Complaint => "SK", FeedbackKind.Praise => "PD", _ => "PA" }}-{year}-";
        var last = await db.Complaints.Where(c => string.Compare(c.Number, prefix) > 0 && string.Compare(c.Number, prefix + "\uffff") < 0)
            .OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(ct);
        return $"{prefix}{(last is null ? 1 : int.Parse(last[prefix.Length..]) + 1):0000}";
    }

    public static async Task<Complaint> LoadAsync(CaseDeskDb db, Guid id, Guid version, CancellationToken ct)
    {
        var complaint = await db.Complaints.Include(c => c.Steps).Include(c => c.Actions).Include(c => c.Tags)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Complaint", id);
        db.ExpectVersion(complaint, version);
        return complaint;
    }
}

using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Privacy;

/// <summary>Asks for a client's personal data to be erased (anonymized); someone else decides (<see cref="ApproveErasure"/>, <see cref="RefuseErasure"/>).</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record RequestErasure(Guid ClientId, ErasureGround Ground, string Reason) : ICommand<Guid>;

/// <summary>Approves a request and carries it out at once: the client's whole record is anonymized in place.</summary>
[AllowedRoles(Roles.Head, Roles.Admin)]
public sealed record ApproveErasure(Guid RequestId, Guid Version) : ICommand<Guid>;

/// <summary>Refuses a request, saying why (9.1: a firm "no" always comes with "because").</summary>
[AllowedRoles(Roles.Head, Roles.Admin)]
public sealed record RefuseErasure(Guid RequestId, Guid Version, string Because) : ICommand<Guid>;

/// <summary>Erasure requests, pending first, then the newest decided ones.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.Admin)]
public sealed record ListErasureRequests(ErasureStatus? Status = null) : IQuery<IReadOnlyList<ErasureRequestRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record ErasureRequestRow(Guid Id, Guid Version, Guid ClientId, string ClientName, ErasureGround Ground, string Reason,
    DateTime RequestedAtUtc, string RequestedByUserId, string RequestedBy, ErasureStatus Status, DateTime? DecidedAtUtc, string? DecidedBy,
    string? RefusalBecause, string? ExecutionSummary) : IHasClientId;

internal sealed class RequestErasureValidator : AbstractValidator<RequestErasure>
{
    public RequestErasureValidator()
    {
        RuleFor(r => r.Ground).IsInEnum();
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say why the client's data is to be erased."))
            .MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.Reason).FreeText();
    }
}

internal sealed class RefuseErasureValidator : AbstractValidator<RefuseErasure>
{
    public RefuseErasureValidator()
    {
        RuleFor(r => r.Because).NotEmpty().WithMessage(_ => T("Say why the erasure is refused (\"because ...\"), because the client must be told the reason."))
            .MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.Because).FreeText();
    }
}

internal sealed class ErasureRequestsHandler(CaseDeskDb db, Anonymizer anonymizer, CallerContext callers, TimeProvider clock) :
    IRequestHandler<RequestErasure, Guid>, IRequestHandler<ApproveErasure, Guid>, IRequestHandler<RefuseErasure, Guid>,
    IRequestHandler<ListErasureRequests, IReadOnlyList<ErasureRequestRow>>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string Me => callers.Caller.UserId;

    public async Task<Guid> Handle(RequestErasure request, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == request.ClientId).Select(c => new { c.FirstName, c.LastName }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Client", request.ClientId);
        if (client.FirstName == Anonymization.Name && client.LastName == Anonymization.Name)
            throw new DomainRefusalException(T("The client's data is already anonymized."));
        if (await db.ErasureRequests.AnyAsync(r => r.ClientId == request.ClientId && r.Status == ErasureStatus.Requested, ct))
            throw new DomainRefusalException(T("An erasure request for this client is already waiting for a decision."));
        var erasure = new ErasureRequest(Guid.CreateVersion7(), request.ClientId, request.Ground, request.Reason, Now, Me);
        db.ErasureRequests.Add(erasure);
        await db.SaveChangesAsync(ct);
        return erasure.Id;
    }

    public async Task<Guid> Handle(ApproveErasure request, CancellationToken ct)
    {
        var erasure = await LoadAsync(request.RequestId, request.Version, ct);
        erasure.EnsureDecidable(Me);
        var openCases = await db.Cases.CountAsync(k => k.ClientId == erasure.ClientId && k.Status != CaseStatus.Closed, ct);
        if (openCases > 0)
            throw new DomainRefusalException(T("The data cannot be erased yet, because the client has {0} open case(s); close them first.", openCases));
        var counts = await anonymizer.ClientsAsync([erasure.ClientId], ct);
        erasure.Executed(Now, Me, string.Join("; ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key}={c.Value}")));
        await db.SaveChangesAsync(ct);
        return erasure.Version;
    }

    public async Task<Guid> Handle(RefuseErasure request, CancellationToken ct)
    {
        var erasure = await LoadAsync(request.RequestId, request.Version, ct);
        erasure.Refuse(request.Because, Now, Me);
        await db.SaveChangesAsync(ct);
        return erasure.Version;
    }

    public async Task<IReadOnlyList<ErasureRequestRow>> Handle(ListErasureRequests request, CancellationToken ct)
    {
        var names = db.Users.Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName });
        var query = db.ErasureRequests.AsNoTracking();
        if (request.Status is { } status)
            query = query.Where(r => r.Status == status);
        return await query
            .OrderBy(r => r.Status == ErasureStatus.Requested ? 0 : 1).ThenByDescending(r => r.RequestedAtUtc)
            .Take(500)
            .Select(r => new ErasureRequestRow(r.Id, r.Version, r.ClientId,
                db.Clients.Where(c => c.Id == r.ClientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault() ?? "",
                r.Ground, r.Reason, r.RequestedAtUtc, r.RequestedByUserId,
                names.Where(n => n.Id == r.RequestedByUserId).Select(n => n.Name).FirstOrDefault() ?? r.RequestedByUserId,
                r.Status, r.DecidedAtUtc, names.Where(n => n.Id == r.DecidedByUserId).Select(n => n.Name).FirstOrDefault(),
                r.RefusalBecause, r.ExecutionSummary))
            .ToListAsync(ct);
    }

    private async Task<ErasureRequest> LoadAsync(Guid id, Guid version, CancellationToken ct)
    {
        var erasure = await db.ErasureRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("ErasureRequest", id);
        db.ExpectVersion(erasure, version);
        return erasure;
    }
}

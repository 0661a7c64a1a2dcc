using MediatR;

namespace CaseDesk.Domain.Common;

/// <summary>A request that changes data. Runs in one transaction together with its audit row.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;

/// <summary>
/// A read of clients' personal data: the audit step records who read whose data. A search has no
/// single client; the clients it returned are recorded from rows that carry <see cref="IHasClientId"/>.
/// </summary>
public interface IReadsPersonalData
{
    Guid? ClientId { get; }
}

/// <summary>A row of a result that shows a client's personal data. A row that may have no client (anonymous feedback) gives <see cref="Guid.Empty"/>.</summary>
public interface IHasClientId
{
    Guid ClientId { get; }
}

/// <summary>A result made of several lists (e.g. a dashboard) that says which clients it shows.</summary>
public interface IShowsClients
{
    IEnumerable<Guid> ClientIdsShown { get; }
}

/// <summary>
/// The roles allowed to run a request. A request type without this attribute (or
/// <see cref="AnyStaffAttribute"/>) is refused for everyone: authorization fails closed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>
/// Only the app itself runs the request, as <see cref="Caller.System"/> (the mail fetcher and sender, the daily public
/// figures): no role may run it, however high, so no one can put into the intake a message that never came from the
/// mailbox, or mark an e-mail delivered that the server never accepted.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SystemOnlyAttribute : Attribute;

/// <summary>Any signed-in staff member may run the request (e.g. reading the standard, own settings).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnyStaffAttribute : Attribute;

/// <summary>
/// A read audited although it shows no client's personal data (e.g. every read of a trainer, docs/training.md):
/// the audit row names the record type and, when there is one, the record read.
/// </summary>
public interface IAuditedRead
{
    string AuditedRecordType { get; }
    string? AuditedRecordId { get; }
}

/// <summary>
/// An audited read of a list that names no single record (one's own work queue): one audit row naming the request,
/// without listing the rows shown, so that a page opened often costs a single insert.
/// </summary>
public interface IAuditedListRead : IAuditedRead
{
    string IAuditedRead.AuditedRecordType => GetType().Name;
    string? IAuditedRead.AuditedRecordId => null;
}

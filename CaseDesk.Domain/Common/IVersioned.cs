namespace CaseDesk.Domain.Common;

/// <summary>
/// An editable record with an app-managed concurrency token. SQLite has no generated row
/// versions, so the context renews <see cref="Version"/> on every save and EF Core checks the
/// version the editor loaded (ADR 0003).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

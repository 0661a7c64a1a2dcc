namespace CaseDesk.Domain.Data;

/// <summary>
/// A named piece of periodic work shared by every app node on one database (docs/decisions/0011). The node that
/// holds the lease runs the work; <see cref="DueAtUtc"/> says when the next period's run is due, so each period
/// runs once across nodes. A holder renews <see cref="ExpiresAtUtc"/> while it works; a holder that dies stops
/// renewing, and once its lease has expired another node takes the work over. Changed only by
/// <see cref="Leases"/>, with conditional updates that one node alone can win.
/// </summary>
public sealed class Lease
{
    public const int NameLength = 100;
    public const int HolderLength = 200;

    private Lease()
    {
        Name = "";
    }

    public Lease(string name, DateTime dueAtUtc)
    {
        Name = name;
        DueAtUtc = dueAtUtc;
        ExpiresAtUtc = dueAtUtc;
    }

    public string Name { get; private set; }

    /// <summary>The node holding the lease, or null when none does.</summary>
    public string? Holder { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime DueAtUtc { get; private set; }
}

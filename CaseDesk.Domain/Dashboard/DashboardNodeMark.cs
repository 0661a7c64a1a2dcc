namespace CaseDesk.Domain.Dashboard;

/// <summary>
/// How many finished-clock changes one running app node has committed (docs/decisions/0011). Written in the same
/// transaction as each such commit when the dashboard tallies are shared across nodes, so another node that reloads
/// its tallies knows, from the same snapshot, which of this node's published changes the reload already holds.
/// </summary>
public sealed class DashboardNodeMark
{
    public const int NodeLength = 200;

    private DashboardNodeMark()
    {
        Node = "";
    }

    public DashboardNodeMark(string node, DateTime startedAtUtc)
    {
        Node = node;
        UpdatedAtUtc = startedAtUtc;
    }

    public string Node { get; private set; }

    public long Sequence { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }
}

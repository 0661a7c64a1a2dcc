namespace CaseDesk.Domain.Dashboard;

/// <summary>
/// Fixed buckets for response times, so percentiles can be kept as counts and summed over days:
/// 1-minute buckets up to an hour, 5-minute buckets up to 8 hours, 30-minute buckets up to 5 working
/// days (2,400 minutes), then whole working days (480 minutes) up to 60 days; the last bucket holds the rest.
/// A percentile is reported as the upper edge of the bucket it falls in ("within N minutes").
/// </summary>
public static class DurationBuckets
{
    private static readonly int[] UpperEdges = BuildEdges();

    public static int Count => UpperEdges.Length;

    private static int[] BuildEdges()
    {
        var edges = new List<int>();
        for (var m = 1; m <= 60; m++) edges.Add(m);
        for (var m = 65; m <= 480; m += 5) edges.Add(m);
        for (var m = 510; m <= 2400; m += 30) edges.Add(m);
        for (var m = 2880; m <= 60 * 480; m += 480) edges.Add(m);
        edges.Add(int.MaxValue);
        return [.. edges];
    }

    /// <summary>The bucket of a duration: the first whose upper edge is at or above it (negative counts as 0).</summary>
    public static int Of(double minutes)
    {
        var whole = minutes <= 0 ? 0 : minutes >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(minutes);
        var index = Array.BinarySearch(UpperEdges, whole);
        return index >= 0 ? index : ~index;
    }

    public static double UpperEdge(int bucket) => UpperEdges[bucket] == int.MaxValue ? double.PositiveInfinity : UpperEdges[bucket];

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 1) of the counts, as its bucket's upper edge; null when empty.</summary>
    public static double? Percentile(ReadOnlySpan<int> counts, double p)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return null;
        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank) return UpperEdge(i);
        }
        return UpperEdge(counts.Length - 1);
    }
}

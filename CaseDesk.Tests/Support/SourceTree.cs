namespace CaseDesk.Tests.Support;

/// <summary>The repository's source files, for tests that read them (the folder holding CaseDesk.sln).</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Source files under a project folder, skipping build output.</summary>
    public static IEnumerable<string> Files(string project, params string[] extensions) =>
        Directory.EnumerateFiles(PathOf(project), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseDesk.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No CaseDesk.sln above {AppContext.BaseDirectory}: these tests read the source tree.");
    }
}

using System.Runtime.CompilerServices;

namespace CaseDesk.Tests.Support;

/// <summary>
/// The suite runs bUnit, in-process hosts and real app processes side by side on two cores; bUnit's synchronous
/// waits hold thread-pool threads while they wait for the renderer, and the pool grows slowly (one thread every
/// ~0.5 s), so under load a wait could time out before its check ever ran. A larger minimum lets them run.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
        // And a component's renders may wait behind a browser test's app process for a while: wait long enough.
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }
}

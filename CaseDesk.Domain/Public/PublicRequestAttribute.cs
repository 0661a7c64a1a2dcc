namespace CaseDesk.Domain.Public;

/// <summary>
/// A request the public website runs for anonymous visitors, as <see cref="Common.Caller.Public"/> and only as it (docs/public.md).
/// Staff roles do not cover it and the public caller runs nothing else, so the marker opens exactly the requests that carry it.
/// A public request returns aggregates only: no client, case or staff member.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicRequestAttribute : Attribute;

namespace CaseDesk.Tests.Support;

/// <summary>Host tests share one running app: starting it (migrate, seed, hash demo passwords) is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<CaseDeskAppFactory>
{
    public const string Name = "CaseDesk app";
}

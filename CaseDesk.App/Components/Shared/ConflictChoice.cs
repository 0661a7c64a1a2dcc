namespace CaseDesk.App.Components.Shared;

public enum ConflictChoice
{
    KeepTheirs = 1,
    SaveMine = 2,
}

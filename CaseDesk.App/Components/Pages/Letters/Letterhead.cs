namespace CaseDesk.App.Components.Pages.Letters;

/// <summary>The sender printed at the top of every information letter; letters to clients are in Lithuanian.</summary>
public static class Letterhead
{
    public const string Organisation = "Alytaus miesto savivaldybės administracija";
    public const string Department = "Socialinės paramos skyrius";
}

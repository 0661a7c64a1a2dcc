namespace CaseDesk.App;

/// <summary>
/// Anchor for the UI's strings. Keys are the English text; Lithuanian lives in
/// Resources/SharedResource.lt.resx (a test checks every key used in a component is translated).
/// </summary>
public sealed class SharedResource;

using Microsoft.AspNetCore.Components;

namespace CaseDesk.App.Services;

/// <summary>A paste into a field (wwwroot/CaseDesk.App.lib.module.js): how long it was and how much room the field had left.</summary>
public sealed class PasteLengthEventArgs : EventArgs
{
    public int Pasted { get; set; }
    /// <summary>Characters that still fit (the selection being replaced counts as room); -1 when the field has no maximum.</summary>
    public int Room { get; set; }
    public int Max { get; set; }
}

[EventHandler("onpastelength", typeof(PasteLengthEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers { }

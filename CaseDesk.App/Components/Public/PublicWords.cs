using System.Globalization;
using CaseDesk.Domain.Complaints;
using Microsoft.Extensions.Localization;

namespace CaseDesk.App.Components.Public;

/// <summary>Words the feedback form and the status page share, so a kind or a touchpoint reads the same on both.</summary>
internal static class PublicWords
{
    public static string Kind(IStringLocalizer<PublicText> P, FeedbackKind kind) => kind switch
    {
        FeedbackKind.Complaint => P["Complaint"],
        FeedbackKind.Suggestion => P["Suggestion"],
        _ => P["Praise"],
    };

    /// <summary>The touchpoints in words a visitor uses (the standard's names are its Lithuanian original).</summary>
    public static string Touchpoint(IStringLocalizer<PublicText> P, int number) => number switch
    {
        1 => P["The municipality's website"],
        2 => P["A phone call to the department"],
        3 => P["An e-mail to the department"],
        4 => P["Information stands"],
        5 => P["Talking with an employee in person"],
        6 => P["An information letter or a phone call about your service"],
        7 => P["A specialist's visit to your home"],
        8 => P["Solving problems and misunderstandings"],
        9 => P["Contact with an employee while receiving the service"],
        10 => P["Giving feedback on the service"],
        _ => number.ToString(CultureInfo.InvariantCulture),
    };
}

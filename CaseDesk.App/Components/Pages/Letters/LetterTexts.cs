using CaseDesk.Domain.Letters;
using Microsoft.Extensions.Localization;

namespace CaseDesk.App.Components.Pages.Letters;

public static class LetterTexts
{
    public static string Channel(IStringLocalizer L, LetterChannel channel) => channel switch
    {
        LetterChannel.Post => L["By post"],
        LetterChannel.Email => L["By e-mail"],
        LetterChannel.HandedOver => L["Handed over in person"],
        _ => L["Through the e-services portal"],
    };

    public static IReadOnlyList<ChannelOption> Channels(IStringLocalizer L) =>
        Enum.GetValues<LetterChannel>().Select(c => new ChannelOption(c, Channel(L, c))).ToList();
}

public sealed record ChannelOption(LetterChannel Value, string Text);

using CaseDesk.App;
using CaseDesk.App.Services;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CaseDesk.Tests.Localization;

/// <summary>MudBlazor's own words come from the app's translation file, so the Lithuanian UI has no English leftovers.</summary>
public sealed class MudTextsTests
{
    private static MudTexts Texts()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        return new MudTexts(services.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    [Theory]
    [InlineData("MudDataGridPager_RowsPerPage", "Rows per page:", "Eilučių puslapyje:")]
    [InlineData("MudDialog_Close", "Close", "Uždaryti")]
    public void A_library_key_comes_back_in_lithuanian(string key, string english, string lithuanian)
    {
        using var _ = UiCulture.Use("lt");

        Assert.Equal(english, MudTexts.English(key));
        var text = Texts().Handle(key);
        Assert.Equal(lithuanian, text.Value);
        Assert.Equal(key, text.Name);
    }

    [Fact]
    public void In_english_the_librarys_own_text_is_kept()
    {
        using var _ = UiCulture.Use("en");

        Assert.Equal("Rows per page:", Texts().Handle("MudDataGridPager_RowsPerPage").Value);
    }

    [Fact]
    public void Every_library_text_a_page_of_this_app_shows_has_a_lithuanian_translation()
    {
        using var _ = UiCulture.Use("lt");
        string[] shown =
        [
            "MudDataGridPager_RowsPerPage", "MudDialog_Close", "MudDataGrid_Contains", "MudDataGrid_Clear",
            "MudInput_Clear", "MudSnackbar_Close",
        ];
        var texts = Texts();

        var untranslated = shown.Where(k => MudTexts.English(k) != k && texts.Handle(k).Value == MudTexts.English(k)).ToList();

        Assert.True(untranslated.Count == 0, "No Lithuanian for: " + string.Join(", ", untranslated.Select(MudTexts.English)));
    }
}

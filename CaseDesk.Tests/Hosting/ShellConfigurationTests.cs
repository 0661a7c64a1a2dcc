using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CaseDesk.Tests.Hosting;

/// <summary>The shell's configuration as the running app has it.</summary>
[Collection(AppCollection.Name)]
public sealed class ShellConfigurationTests(CaseDeskAppFactory app)
{
    [Fact]
    public void Snackbars_sit_bottom_left_away_from_the_page_actions_top_right_and_the_dialog_buttons_bottom_right()
    {
        using var scope = app.Services.CreateScope();

        // What SnackbarService is built with (the service itself needs a live circuit's NavigationManager).
        var configuration = scope.ServiceProvider.GetRequiredService<IOptions<SnackbarConfiguration>>().Value;

        Assert.Equal(Defaults.Classes.Position.BottomLeft, configuration.PositionClass);
        Assert.True(configuration.NewestOnTop);
        Assert.InRange(configuration.MaxDisplayedSnackbars, 1, 4);
    }
}

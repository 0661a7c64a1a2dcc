using Bunit;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Components.Shared;

public sealed class ServerValidationTests : ComponentTestContext
{
    private readonly IRenderedComponent<ServerValidationHost> form;

    public ServerValidationTests() => form = Render<ServerValidationHost>();

    private void Show(Dictionary<string, string[]> errors) => form.InvokeAsync(() => form.Instance.Validation.Show(errors));

    private string[] Messages(string testId) =>
        form.FindAll($"[data-testid={testId}] .validation-message").Select(m => m.TextContent).ToArray();

    private string[] Summary() =>
        form.FindAll("[data-testid=form-errors] div").Select(m => m.TextContent).ToArray();

    [Fact]
    public void Field_errors_show_at_their_field_and_the_rest_above_the_form()
    {
        Show(new()
        {
            ["Name"] = ["Enter the first name."],
            ["Nickname"] = ["No such field on this form."],
            [""] = ["The account could not be created."],
        });

        Assert.Equal(["Enter the first name."], Messages("name-errors"));
        Assert.Empty(Messages("email-errors"));
        Assert.Equal(["No such field on this form.", "The account could not be created."], Summary());
        Assert.Contains("invalid", form.Find("#name").ClassList);
        Assert.DoesNotContain("invalid", form.Find("#email").ClassList);
    }

    [Fact]
    public void Without_errors_for_the_form_as_a_whole_there_is_no_summary()
    {
        Show(new() { ["Email"] = ["This is not an e-mail address."] });

        Assert.Equal(["This is not an e-mail address."], Messages("email-errors"));
        Assert.Empty(form.FindAll("[data-testid=form-errors]"));
    }

    [Fact]
    public void A_new_answer_replaces_the_previous_errors()
    {
        Show(new() { ["Name"] = ["Enter the first name."], [""] = ["Something else."] });

        Show(new() { ["Email"] = ["This is not an e-mail address."] });

        Assert.Empty(Messages("name-errors"));
        Assert.Equal(["This is not an e-mail address."], Messages("email-errors"));
        Assert.Empty(Summary());
    }

    [Fact]
    public void Editing_a_field_clears_its_server_error_only()
    {
        Show(new() { ["Name"] = ["Enter the first name."], ["Email"] = ["This is not an e-mail address."] });

        form.Find("#name").Change("Jonas");

        Assert.Empty(Messages("name-errors"));
        Assert.Equal(["This is not an e-mail address."], Messages("email-errors"));
    }

    [Fact]
    public void Validating_the_form_again_clears_the_server_errors()
    {
        Show(new() { ["Name"] = ["Enter the first name."], [""] = ["The account could not be created."] });

        form.InvokeAsync(() => form.Instance.EditContext.Validate());

        Assert.Empty(Messages("name-errors"));
        Assert.Empty(Summary());
    }
}

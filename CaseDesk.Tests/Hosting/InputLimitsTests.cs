using CaseDesk.App.Services;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Hosting;

/// <summary>The browser's limits come from the domain's validators: own rules, included ones and a list's child rules.</summary>
public sealed class InputLimitsTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private InputLimits limits = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        limits = new InputLimits(database.Services.GetRequiredService<IServiceScopeFactory>());
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public void A_rule_of_the_request_itself_and_one_it_includes_are_both_read()
    {
        Assert.Equal(300, limits.Max<RevealPersonalCode>(nameof(RevealPersonalCode.AccessReason)));
        Assert.Equal(300, limits.Max<LogContact>(nameof(LogContact.NextMeetingPlace))); // in ContactFieldsValidator, included
        Assert.Equal(300, limits.Max<RegisterClient>(nameof(RegisterClient.Address)));   // in ClientFieldsValidator, included
    }

    [Fact]
    public void A_field_of_each_item_of_a_list_is_read_from_the_child_rules()
    {
        Assert.Equal(1000, limits.Max<LogContact>(nameof(LogContact.Promises), nameof(PromiseInput.Text)));
        Assert.Equal(200, limits.Max<RegisterClient>(nameof(RegisterClient.Household), nameof(HouseholdMemberInput.Name)));
        Assert.Equal(100, limits.Max<RegisterClient>(nameof(RegisterClient.Household), nameof(HouseholdMemberInput.Relation)));
    }

    [Fact]
    public void A_field_without_a_maximum_is_refused_loudly_instead_of_getting_none()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => limits.Max<TakePhoneMessage>("NoSuchField"));
        Assert.Contains("has no maximum length", refusal.Message);
    }
}

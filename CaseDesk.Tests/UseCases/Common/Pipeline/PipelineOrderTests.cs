using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.UseCases.Common.Pipeline;

public sealed class PipelineOrderTests : IAsyncLifetime
{
    private static readonly CreateStaffUser Invalid = new("", "", "", "", "", null, null, [], "");

    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_denied_caller_sending_invalid_input_is_told_access_denied_not_what_was_invalid()
    {
        var caseworker = await database.CreateCallerAsync(Roles.Caseworker);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(Invalid, caseworker));

        Assert.Equal(AuditKind.Denied, Assert.Single(await database.AuditEntriesAsync()).Kind);
    }

    [Fact]
    public async Task The_same_input_from_an_allowed_caller_fails_validation_before_anything_is_written()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);

        await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(Invalid, admin));

        Assert.Empty(await database.AuditEntriesAsync());
    }
}

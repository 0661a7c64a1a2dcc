using System.Security.Claims;
using CaseDesk.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Components.Authorization;

namespace CaseDesk.App.Services;

/// <summary>
/// What components use to run a request: it sends as the signed-in user, and the domain sender
/// opens a fresh DI scope (one DbContext) for each request, however long the circuit lives.
/// </summary>
public sealed class UiSender(ICaseDeskSender sender, AuthenticationStateProvider authentication)
{
    public async Task<TResult> Send<TResult>(IRequest<TResult> request, CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await sender.Send(request, CallerFrom(state.User), cancellationToken);
    }

    public static Caller CallerFrom(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } identity
            ? new Caller(
                user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
                identity.Name ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet())
            : Caller.Anonymous;
}

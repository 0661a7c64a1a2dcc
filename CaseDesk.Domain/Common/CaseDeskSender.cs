using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Domain.Common;

/// <summary>Sends a request as a caller, in a DI scope of its own: one DbContext per request, never one per circuit.</summary>
public interface ICaseDeskSender
{
    Task<TResult> Send<TResult>(IRequest<TResult> request, Caller caller, CancellationToken cancellationToken = default);
}

internal sealed class CaseDeskSender(IServiceScopeFactory scopes) : ICaseDeskSender
{
    public async Task<TResult> Send<TResult>(IRequest<TResult> request, Caller caller, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(caller);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return await mediator.Send(request, cancellationToken);
    }
}

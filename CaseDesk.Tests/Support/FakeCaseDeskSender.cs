using CaseDesk.Domain.Common;
using MediatR;

namespace CaseDesk.Tests.Support;

/// <summary>
/// Stands in for the domain in component tests: answers the requests a test sets up, remembers
/// what was sent and as whom, and fails loudly on anything else.
/// </summary>
public sealed class FakeCaseDeskSender : ICaseDeskSender
{
    private readonly Dictionary<Type, Func<object, Caller, Task<object?>>> answers = [];
    private readonly List<(object Request, Caller Caller)> sent = [];

    public IReadOnlyList<(object Request, Caller Caller)> Sent
    {
        get { lock (sent) return [.. sent]; }
    }

    public FakeCaseDeskSender Answer<TRequest, TResult>(Func<TRequest, Caller, Task<TResult>> answer) where TRequest : IRequest<TResult>
    {
        answers[typeof(TRequest)] = async (request, caller) => await answer((TRequest)request, caller);
        return this;
    }

    public FakeCaseDeskSender Answer<TRequest, TResult>(TResult result) where TRequest : IRequest<TResult> =>
        Answer<TRequest, TResult>((_, _) => Task.FromResult(result));

    public async Task<TResult> Send<TResult>(IRequest<TResult> request, Caller caller, CancellationToken cancellationToken = default)
    {
        lock (sent) sent.Add((request, caller));
        var answer = answers.GetValueOrDefault(request.GetType())
            ?? throw new InvalidOperationException($"The test set up no answer for {request.GetType().Name}.");
        return (TResult)(await answer(request, caller))!;
    }
}

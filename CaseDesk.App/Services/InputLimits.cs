using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.Validators;

namespace CaseDesk.App.Services;

/// <summary>
/// The longest text the domain accepts for a request's field, read from the request's own validator, so the
/// browser's limit and counter (FormText) can never drift from the rule that refuses the save.
/// </summary>
public sealed class InputLimits(IServiceScopeFactory scopes)
{
    private static readonly ConcurrentDictionary<(Type, string), int> Known = new();

    public int Max<TRequest>(string property) => Known.GetOrAdd((typeof(TRequest), property), key => Read<TRequest>(key.Item2));

    private int Read<TRequest>(string property)
    {
        using var scope = scopes.CreateScope();
        var validators = scope.ServiceProvider.GetServices<IValidator<TRequest>>().ToList();
        var limits = validators
            .SelectMany(WithIncluded<TRequest>)
            .SelectMany(v => v.CreateDescriptor().GetValidatorsForMember(property))
            .Select(c => c.Validator)
            .OfType<ILengthValidator>()
            .Where(l => l.Max > 0)
            .Select(l => l.Max)
            .ToList();
        return limits.Count > 0
            ? limits.Min()
            : throw new InvalidOperationException($"{typeof(TRequest).Name}.{property} has no maximum length in its validator: add one in the domain.");
    }

    // A validator may share its rules through Include(new OtherValidator(...)) (LogContact and LogCallBack share the contact's
    // fields): the descriptor does not list those rules, so the included validators are read too. Include keeps the instance
    // in a child adaptor that hands it out for any instance.
    private static IEnumerable<IValidator> WithIncluded<TRequest>(IValidator validator) =>
        validator.CreateDescriptor().Rules
            .OfType<FluentValidation.Internal.IIncludeRule>()
            .OfType<IValidationRule>()
            .SelectMany(rule => rule.Components)
            .Select(component => component.Validator)
            .OfType<IChildValidatorAdaptor>()
            .Select(adaptor => adaptor.GetType().GetMethod("GetValidator")?.Invoke(adaptor, [new ValidationContext<TRequest>(default!), default(TRequest)]))
            .OfType<IValidator>()
            .SelectMany(WithIncluded<TRequest>)
            .Prepend(validator);
}

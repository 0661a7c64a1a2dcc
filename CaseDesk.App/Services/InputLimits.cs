using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace CaseDesk.App.Services;

/// <summary>
/// The longest text the domain accepts for a request's field, read from the request's own validator, so the
/// browser's limit and counter (FormText) can never drift from the rule that refuses the save.
/// </summary>
public sealed class InputLimits(IServiceScopeFactory scopes)
{
    private static readonly ConcurrentDictionary<(Type, string), int> Known = new();

    public int Max<TRequest>(string property) =>
        Known.GetOrAdd((typeof(TRequest), property), _ => Read<TRequest>(property, v => LimitsIn(v, property)));

    /// <summary>The limit of a field of each item of a list (a contact's promises, a client's household): RuleForEach's child rules.</summary>
    public int Max<TRequest>(string list, string itemProperty) =>
        Known.GetOrAdd((typeof(TRequest), $"{list}[].{itemProperty}"), key => Read<TRequest>(key.Item2, v => ItemLimitsIn(v, list, itemProperty)));

    private int Read<TRequest>(string field, Func<IValidator, IEnumerable<int>> limitsIn)
    {
        using var scope = scopes.CreateScope();
        var limits = scope.ServiceProvider.GetServices<IValidator<TRequest>>().SelectMany(limitsIn).ToList();
        return limits.Count > 0
            ? limits.Min()
            : throw new InvalidOperationException($"{typeof(TRequest).Name}.{field} has no maximum length in its validator: add one in the domain.");
    }

    // The child rules of a list (RuleForEach(...).ChildRules or SetValidator), in the validator or in one it includes.
    private static IEnumerable<int> ItemLimitsIn(IValidator validator, string list, string itemProperty)
    {
        if (validator is not IEnumerable<IValidationRule> rules)
            yield break;
        foreach (var rule in rules)
        {
            foreach (var component in rule.Components)
            {
                if (component.Validator is not IChildValidatorAdaptor || Included(component.Validator) is not { } inner)
                    continue;
                var limits = rule.PropertyName == list ? LimitsIn(inner, itemProperty)
                    : rule.PropertyName is null ? ItemLimitsIn(inner, list, itemProperty)
                    : [];
                foreach (var max in limits)
                    yield return max;
            }
        }
    }

    // A validator's own rules, and those it takes in with Include() (shared rules such as a contact's fields).
    private static IEnumerable<int> LimitsIn(IValidator validator, string property)
    {
        if (validator is not IEnumerable<IValidationRule> rules)
            yield break;
        foreach (var rule in rules)
        {
            foreach (var component in rule.Components)
            {
                if (rule.PropertyName == property && component.Validator is ILengthValidator { Max: > 0 } length)
                    yield return length.Max;
                else if (rule.PropertyName is null && component.Validator is IChildValidatorAdaptor && Included(component.Validator) is { } included)
                    foreach (var max in LimitsIn(included, property))
                        yield return max;
            }
        }
    }

    // An include or child rule holds its validator in a child adaptor; for a fixed validator GetValidator only needs some context.
    private static IValidator? Included(object adaptor)
    {
        var getValidator = adaptor.GetType().GetMethod("GetValidator");
        if (getValidator?.GetParameters() is not [var context, _])
            return null;
        var empty = Activator.CreateInstance(context.ParameterType, [null]);
        return getValidator.Invoke(adaptor, [empty, null]) as IValidator;
    }
}

using CaseDesk.Domain.Clients;
using FluentValidation;
using FluentValidation.Validators;

namespace CaseDesk.App.Components.Pages.Clients;

/// <summary>
/// The longest text the domain accepts in each client field, read from RegisterClient's validator. Its rules sit in
/// ClientFieldsValidator, which it Includes, and the household rows are child rules: InputLimits reads only a
/// validator's own rules, so it finds none of these.
/// </summary>
public sealed record ClientFieldLimits(IReadOnlyDictionary<string, int> Fields, int HouseholdName, int HouseholdRelation)
{
    private static ClientFieldLimits? known;

    public int this[string property] => Fields.TryGetValue(property, out var max)
        ? max
        : throw new InvalidOperationException($"{nameof(RegisterClient)}.{property} has no maximum length in its validator: add one in the domain.");

    public static ClientFieldLimits Of(IServiceScopeFactory scopes) => known ??= Read(scopes);

    private static ClientFieldLimits Read(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var own = scope.ServiceProvider.GetServices<IValidator<RegisterClient>>().ToList();
        var fields = own.Concat(Inner<RegisterClient, RegisterClient>(own, "")).ToList(); // "" is where an Include sits
        var household = Inner<RegisterClient, HouseholdMemberInput>(fields, nameof(RegisterClient.Household)).ToList();
        var limits = typeof(IClientFields).GetProperties().Select(p => (p.Name, Max: Max(fields, p.Name)))
            .Where(l => l.Max > 0).ToDictionary(l => l.Name, l => l.Max);
        return new ClientFieldLimits(limits, Required(household, nameof(HouseholdMemberInput.Name)), Required(household, nameof(HouseholdMemberInput.Relation)));
    }

    private static IEnumerable<IValidator<TProperty>> Inner<T, TProperty>(IEnumerable<IValidator<T>> validators, string member) =>
        Components(validators, member).OfType<IChildValidatorAdaptor>().Where(a => a.ValidatorType.IsAssignableTo(typeof(IValidator<TProperty>)))
            .Select(a => a.GetType().GetMethod(nameof(ChildValidatorAdaptor<T, TProperty>.GetValidator))!
                .Invoke(a, [new ValidationContext<T>(default!), null])).OfType<IValidator<TProperty>>();

    // The descriptor keys an Include under no name; GetValidatorsForMember cannot find it, the member list can.
    private static IEnumerable<IPropertyValidator> Components<T>(IEnumerable<IValidator<T>> validators, string member) =>
        validators.SelectMany(v => v.CreateDescriptor().GetMembersWithValidators().Where(m => (m.Key ?? "") == member).SelectMany(m => m))
            .Select(c => c.Validator);

    private static int Max<T>(IEnumerable<IValidator<T>> validators, string property) =>
        Components(validators, property).OfType<ILengthValidator>().Where(l => l.Max > 0).Select(l => l.Max).DefaultIfEmpty().Min();

    private static int Required<T>(IEnumerable<IValidator<T>> validators, string property) =>
        Max(validators, property) is var max and > 0
            ? max
            : throw new InvalidOperationException($"{typeof(T).Name}.{property} has no maximum length in the domain.");
}

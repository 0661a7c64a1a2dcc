using CaseDesk.App.Hosting;
using CaseDesk.App.Services;
using CaseDesk.Tests.Support;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Hosting;

/// <summary>
/// Long input never kills the connection (issue 15): the circuit's largest accepted message
/// (CaseDeskHost.MaximumReceiveMessageBytes) must hold the longest text any domain validator accepts, at the worst
/// UTF-8 width of 3 bytes a character, with room for the message's framing. A bigger limit in a validator fails here
/// before a user's paste drops their circuit.
/// </summary>
public sealed class MessageSizeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Utf8BytesPerCharacter = 3;
    /// <summary>SignalR/Blazor framing of one event or interop answer around the text (measured well under 1 KiB).</summary>
    private const int Framing = 4 * 1024;

    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private List<(Type Request, string Property, int Max)> AllTextLimits()
    {
        using var scope = database.Services.CreateScope();
        var requests = typeof(Domain.DependencyInjection).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(t => !t.ContainsGenericParameters)
            .Distinct();
        var limits = new List<(Type, string, int)>();
        foreach (var request in requests)
        {
            foreach (var validator in scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request)).Cast<IValidator>())
            {
                var descriptor = validator.CreateDescriptor();
                foreach (var member in descriptor.GetMembersWithValidators())
                {
                    var max = member.Select(m => m.Validator).OfType<ILengthValidator>().Where(l => l.Max > 0).Select(l => l.Max).DefaultIfEmpty(0).Min();
                    if (max > 0) limits.Add((request, member.Key, max));
                }
            }
        }
        return limits;
    }

    [Fact]
    public void The_longest_text_any_validator_accepts_fits_in_one_circuit_message()
    {
        var limits = AllTextLimits();
        Assert.True(limits.Count > 50, $"Expected the domain's text limits, found {limits.Count}.");

        var longest = limits.MaxBy(l => l.Max);
        output.WriteLine($"{limits.Count} text limits; the longest: {longest.Request.Name}.{longest.Property} = {longest.Max} characters, " +
            $"{longest.Max * Utf8BytesPerCharacter} bytes at worst; the circuit accepts {CaseDeskHost.MaximumReceiveMessageBytes}.");
        Assert.True(longest.Max * Utf8BytesPerCharacter + Framing <= CaseDeskHost.MaximumReceiveMessageBytes,
            $"{longest.Request.Name}.{longest.Property} allows {longest.Max} characters ({longest.Max * Utf8BytesPerCharacter} bytes in UTF-8 at worst): " +
            $"raise CaseDeskHost.MaximumReceiveMessageBytes ({CaseDeskHost.MaximumReceiveMessageBytes}) or lower the limit.");
    }

    [Fact]
    public void The_limit_a_form_shows_is_the_validators_own()
    {
        var limits = AllTextLimits();
        var longest = limits.MaxBy(l => l.Max);
        var inputLimits = new InputLimits(database.Services.GetRequiredService<IServiceScopeFactory>());

        var shown = (int)typeof(InputLimits).GetMethod(nameof(InputLimits.Max), 1, [typeof(string)])!.MakeGenericMethod(longest.Request)
            .Invoke(inputLimits, [longest.Property])!;

        Assert.Equal(longest.Max, shown);
    }
}

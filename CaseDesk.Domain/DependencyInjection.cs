using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using Microsoft.AspNetCore.DataProtection;
using CaseDesk.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Domain;

public static class DependencyInjection
{
    /// <summary>The domain on a SQLite file (the default provider).</summary>
    public static IdentityBuilder AddCaseDeskDomain(this IServiceCollection services, string? connectionString) =>
        services.AddCaseDeskDomain(DatabaseSettings.Sqlite(connectionString));

    /// <summary>
    /// Registers the database, Identity's user store, the request pipeline (authorization →
    /// validation → audit/transaction → handler) and every handler and validator of this assembly.
    /// </summary>
    public static IdentityBuilder AddCaseDeskDomain(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddDbContext<CaseDeskDb>(options => database.Apply(options));

        services.AddDataProtection();
        services.AddScoped<IPersonalCodeProtector, PersonalCodeProtector>();
        services.AddScoped<CallerContext>();
        services.AddScoped<Clocks.ClockBook>();
        services.AddSingleton<Dashboard.DashboardTallies>();
        services.AddSingleton<Dashboard.DashboardFigureCache>();
        services.AddSingleton<Public.PublicTimesCache>();
        services.AddScoped<Anonymizer>();
        services.AddSingleton<ICaseDeskSender, CaseDeskSender>();
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Registration order is pipeline order: the first is outermost.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationStep<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationStep<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuditStep<,>));

        var assembly = typeof(DependencyInjection).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(IValidator<>))
                    services.AddTransient(contract, type);
            }
        }

        return services
            .AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CaseDeskDb>();
    }

    /// <summary>Fails start-up with a message that says what to fix, instead of a SQLite error later.</summary>
    public static string CheckConnectionString(string? connectionString) => DatabaseSettings.Sqlite(connectionString).ConnectionString;
}

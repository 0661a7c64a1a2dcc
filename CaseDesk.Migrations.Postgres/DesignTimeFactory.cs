using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseDesk.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add NAME --project CaseDesk.Migrations.Postgres` build the PostgreSQL model without a server
/// (adding a migration never connects; `database update` would, to the server named here or in CASEDESK_POSTGRES).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CaseDeskDb>
{
    public CaseDeskDb CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("CASEDESK_POSTGRES") ?? "Host=localhost;Database=casedesk_design;Username=postgres";
        var options = new DbContextOptionsBuilder<CaseDeskDb>();
        new DatabaseSettings(DatabaseProvider.Postgres, connectionString).Apply(options);
        return new CaseDeskDb(options.Options);
    }
}

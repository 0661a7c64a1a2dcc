using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseDesk.Domain.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CaseDeskDb>
{
    public CaseDeskDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CaseDeskDb>().UseSqlite("Data Source=design.db").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Petition.Data;

namespace Petition.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the web app.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<PetitionDbContext>
{
    public PetitionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PetitionDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}

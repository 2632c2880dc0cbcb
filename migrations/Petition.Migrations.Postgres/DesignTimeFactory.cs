using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Petition.Data;

namespace Petition.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server or the web app.</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<PetitionDbContext>
{
    public PetitionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PetitionDbContext>()
            .UseNpgsql("Host=localhost;Database=petition_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}

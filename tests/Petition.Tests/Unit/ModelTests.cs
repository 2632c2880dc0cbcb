using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Unit;

/// <summary>A model change without a migration for each provider fails here, not in production.</summary>
public class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new PetitionDbContext(new DbContextOptionsBuilder<PetitionDbContext>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("Petition.Migrations.Sqlite")).Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var db = new PetitionDbContext(new DbContextOptionsBuilder<PetitionDbContext>()
            .UseNpgsql(TestDatabase.PostgresBase, o => o.MigrationsAssembly("Petition.Migrations.Postgres")).Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}

namespace Petition.Tests.Infrastructure;

/// <summary>One app on SQLite shared by a test class; each test makes its own letter and addresses.</summary>
public class SqliteFixture : IAsyncLifetime
{
    public PetitionApp App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await PetitionApp.StartAsync();
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The same app on a fresh database of the real PostgreSQL server that scripts/test.sh starts.</summary>
public class PostgresFixture : IAsyncLifetime
{
    public PetitionApp App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await PetitionApp.StartAsync(await TestDatabase.PostgresAsync());
    public async Task DisposeAsync() => await App.DisposeAsync();
}

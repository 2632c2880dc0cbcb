using Petition.Tests.Infrastructure;

namespace Petition.Tests.Updates;

/// <summary>
/// An app whose update sender and deadline watch do not run by themselves: each test drives them by hand, so what
/// happens between two chunks (a pause, a second instance) is the test's to choose. Chunks of three signers.
/// </summary>
public abstract class UpdatesFixture(Func<Task<TestDatabase>> database) : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Updates:RunInBackground"] = "false",
        ["Updates:ChunkSize"] = "3",
    };

    public PetitionApp App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await PetitionApp.StartAsync(await database(), new(Settings));
    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class SqliteUpdatesFixture() : UpdatesFixture(() => Task.FromResult(TestDatabase.Sqlite()));

public class PostgresUpdatesFixture() : UpdatesFixture(TestDatabase.PostgresAsync);

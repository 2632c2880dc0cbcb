using Petition.Tests.Infrastructure;

namespace Petition.Tests.Recipients;

/// <summary>
/// One app per provider for every recipients test class: each app holds a database and file watchers, and the
/// machine's watchers are shared by every test run on it.
/// </summary>
[CollectionDefinition(Name)]
public class SqliteRecipients : ICollectionFixture<SqliteFixture>
{
    public const string Name = "recipients on SQLite";
}

[CollectionDefinition(Name)]
public class PostgresRecipients : ICollectionFixture<PostgresFixture>
{
    public const string Name = "recipients on PostgreSQL";
}

using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>The count and the goal as the letter page words them.</summary>
public class TallyTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task Under_one_per_cent_the_goal_is_given_without_a_share_that_says_nothing()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("tally"), l => l.Goal = 1000);
        await app.SignaturesAsync(letter, 3, SignatureState.Published);
        var goal = (await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}")).QuerySelector(".tally p.muted")!.TextContent;
        Assert.Equal("Goal: 1,000 signatures", goal.Trim());

        var further = await app.AddLetterAsync(Signer.Unique("tally"), l => l.Goal = 1000);
        await app.SignaturesAsync(further, 23, SignatureState.Published);
        var later = (await app.Visitor().GetDocumentAsync($"/letters/{further.Slug}")).QuerySelector(".tally p.muted")!.TextContent;
        Assert.Equal("Goal: 1,000 signatures (2 % reached)", later.Trim());
    }
}

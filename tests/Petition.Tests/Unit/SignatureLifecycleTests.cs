using Petition.Data.Signatures;

namespace Petition.Tests.Unit;

/// <summary>Every pair of states, allowed or refused, confirmed or not: the table the whole app moves signatures by.</summary>
public class SignatureLifecycleTests
{
    const SignatureState U = SignatureState.Unverified, A = SignatureState.AwaitingReview, P = SignatureState.Published,
        R = SignatureState.Rejected, W = SignatureState.Withdrawn;

    static readonly HashSet<(SignatureState, SignatureState)> AllowedWhenConfirmed =
    [
        (U, A), (U, P), (U, R), (U, W),
        (A, P), (A, R), (A, W),
        (P, R), (P, A), (P, W),
        (R, P), (R, W),
    ];

    public static TheoryData<SignatureState, SignatureState, bool> EveryPair()
    {
        var data = new TheoryData<SignatureState, SignatureState, bool>();
        foreach (var from in Enum.GetValues<SignatureState>())
            foreach (var to in Enum.GetValues<SignatureState>())
                foreach (var confirmed in new[] { true, false })
                    data.Add(from, to, confirmed);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_move_is_allowed_only_if_the_table_says_so_and_publishing_needs_a_confirmation(SignatureState from, SignatureState to, bool confirmed)
    {
        var expected = AllowedWhenConfirmed.Contains((from, to)) && (to != P || confirmed);
        Assert.Equal(expected, SignatureLifecycle.Allows(from, to, confirmed));

        var signature = new Signature { Name = "x", Email = "x", EmailHash = "x", State = from, ConfirmedAt = confirmed ? DateTimeOffset.UnixEpoch : null };
        var moved = signature.MoveTo(to, DateTimeOffset.UnixEpoch);
        Assert.Equal(expected, moved.Done);
        Assert.Equal(expected ? to : from, signature.State);
        Assert.Equal(expected && (from == P || to == P), moved.PublicViewChanged);

        var query = SignatureLifecycle.CanBecome(to).Compile();
        Assert.Equal(expected, query(new Signature { Name = "x", Email = "x", EmailHash = "x", State = from, ConfirmedAt = confirmed ? DateTimeOffset.UnixEpoch : null }));
    }

    [Fact]
    public void Approval_of_a_rejected_signature_that_was_never_confirmed_is_refused()
    {
        var signature = new Signature { Name = "x", Email = "x", EmailHash = "x", State = R };
        Assert.False(signature.Approve("moderator", DateTimeOffset.UnixEpoch).Done);
        Assert.Null(signature.PublishedAt);
    }

    [Fact]
    public void Confirmation_of_a_blocked_signature_rejects_it_and_changes_nothing_public()
    {
        var signature = new Signature { Name = "x", Email = "x", EmailHash = "x", State = U };
        var moved = signature.Confirm(preModerated: false, blockedReason: "disposable domain", DateTimeOffset.UnixEpoch);
        Assert.Equal((true, false), (moved.Done, moved.PublicViewChanged));
        Assert.Equal(R, signature.State);
        Assert.NotNull(signature.ConfirmedAt);
    }
}

using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Keys;

namespace Petition.Web.Signing;

/// <summary>
/// Where a signature comes into being, whichever door it came through: the sign form and the API (through the
/// batcher), an import, a personal invitation. It is returned unconfirmed and not yet stored; its links come from
/// <see cref="SignatureLinks"/>, and what happens to it next from the door (<see cref="ConfirmStep"/> and the rest).
/// </summary>
public sealed class SignatureFactory(PersonalDataKeys keys, TimeProvider time)
{
    /// <param name="canonical">The address as the one-signature rule compares it (<see cref="Text.EmailAddress.Canonicalize"/>).</param>
    /// <param name="request">Who asked, for a signature a person asked for; null for an import.</param>
    /// <param name="signedAt">When it was signed, where not now (a line of an import that says when).</param>
    public Signature Create(Letter letter, SignatureInput input, string canonical, SignatureSource source,
        RequestInfo? request = null, DateTimeOffset? signedAt = null)
    {
        var signature = new Signature
        {
            LetterId = letter.Id,
            LetterVersion = letter.Version,
            State = SignatureState.Unverified,
            Source = source,
            Name = "",
            Email = input.Email!.Trim(),
            CreatedAt = signedAt ?? time.GetUtcNow(),
            // Only the founding round lets a person sign a draft (the founding page, an invitation): such a signature
            // is a founding one. An import into a draft is the organisers' list, not a founding signature.
            Founding = source == SignatureSource.Form && letter.Status == LetterStatus.Draft,
        };
        if (request is not null)
        {
            signature.IpAddress = request.IpAddress;
            signature.UserAgent = request.UserAgent;
            signature.NetworkHash = request.Network;
            signature.Language = request.Language;
        }
        keys.Identify(signature, canonical);
        SignatureDetails.CopyFrom(letter, input, signature);
        return signature;
    }
}

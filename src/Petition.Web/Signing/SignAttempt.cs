using System.Text.Json;
using Petition.Data.Letters;
using Petition.Data.Signatures;

namespace Petition.Web.Signing;

/// <summary>
/// The details of one sign request made again with an address that has not confirmed yet. They live with the link
/// mailed for them (<see cref="SignatureToken.Details"/>), never on the signature, so a stranger who signs with
/// someone's address changes nothing the owner's own link confirms: each link confirms exactly what its email showed.
/// </summary>
public record SignAttempt(SignatureInput Input, int LetterVersion, string? Blocked, string? IpAddress, string? UserAgent, string? Language,
    string? Network = null)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SignAttempt Of(Letter letter, SignatureInput input, RequestInfo request, string? blocked) =>
        new(Without(input), letter.Version, blocked, request.IpAddress, request.UserAgent, request.Language, request.Network);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SignAttempt FromJson(string json) => JsonSerializer.Deserialize<SignAttempt>(json, Json)!;

    /// <summary>Puts this attempt's details on the signature (in memory; saved only by a confirmation).</summary>
    public void ApplyTo(Letter letter, Signature signature)
    {
        signature.Email = Input.Email!.Trim();
        signature.LetterVersion = LetterVersion;
        signature.BlockedReason = Blocked;
        signature.IpAddress = IpAddress;
        signature.UserAgent = UserAgent;
        signature.NetworkHash = Network;
        signature.Language = Language;
        SignatureDetails.CopyFrom(letter, Input, signature);
    }

    /// <summary>A stand-in carrying the attempt's details, for the email that shows them; its links are issued on the real signature.</summary>
    public Signature ShownOn(Letter letter, Signature signature)
    {
        var shown = new Signature
        {
            Name = "", Email = "", EmailHash = signature.EmailHash, Source = signature.Source, EmailsSent = signature.EmailsSent,
        };
        ApplyTo(letter, shown);
        return shown;
    }

    /// <summary>The proof-of-work fields answered a challenge once; they are not details to keep.</summary>
    static SignatureInput Without(SignatureInput input) => new()
    {
        Name = input.Name, Email = input.Email, Title = input.Title, Organization = input.Organization, Country = input.Country,
        Category = input.Category, City = input.City, Comment = input.Comment, ListPublicly = input.ListPublicly, Visibility = input.Visibility,
        ShowVerifiedBadge = input.ShowVerifiedBadge, WantsUpdates = input.WantsUpdates,
    };
}

using Petition.Data.Signatures;

namespace Petition.Web.Signing;

/// <summary>
/// How many emails sign requests may cause to one address (decision 020). Each client network has its own budget
/// per signature (<see cref="SigningOptions.MaxEmailsPerSignature"/>), so a stranger spends only his own; past the
/// address's overall cap (<see cref="SigningOptions.MaxEmailsPerAddress"/>), a network that has caused none still
/// gets one, so the owner, asking from their own network, still gets a link.
/// </summary>
public static class EmailBudget
{
    /// <summary>A client with no readable address is one network of its own; a link never stamped (null) is no network's.</summary>
    const string Unknown = "unknown";

    public static string KeyOf(RequestInfo request) => request.Network ?? Unknown;

    public static bool Allows(Signature signature, string network, SigningOptions options)
    {
        var fromHere = EmailsFrom(signature, network);
        return fromHere < options.MaxEmailsPerSignature
            && (signature.EmailsSent < options.MaxEmailsPerAddress || fromHere == 0);
    }

    /// <summary>The first email (the signature's own network) and every later one (its manage link remembers the network).</summary>
    static int EmailsFrom(Signature signature, string network) =>
        ((signature.NetworkHash ?? Unknown) == network ? 1 : 0)
        + signature.Tokens.Count(t => t.Purpose == TokenPurpose.Manage && t.NetworkHash == network);

    /// <summary>Marks the links added since <paramref name="tokensBefore"/> with the network whose request caused the email.</summary>
    public static void Stamp(Signature signature, int tokensBefore, string network)
    {
        foreach (var token in signature.Tokens.Skip(tokensBefore))
            token.NetworkHash = network;
    }
}

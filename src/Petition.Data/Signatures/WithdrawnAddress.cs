namespace Petition.Data.Signatures;

/// <summary>
/// An address whose signer withdrew from a letter, kept only so that no import signs them up again. It holds a
/// keyed hash (HMAC-SHA256) of the canonical address, never the address: the hash can tell whether a given address
/// withdrew, but cannot be turned back into one without the site's key.
/// </summary>
public class WithdrawnAddress
{
    public int LetterId { get; set; }

    /// <summary>Lower-case hex of HMAC-SHA256 over the canonical address (see EmailAddress.Canonicalize).</summary>
    public required string AddressHash { get; set; }
}

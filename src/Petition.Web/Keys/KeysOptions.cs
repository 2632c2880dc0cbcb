using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Keys;

public class KeysOptions
{
    /// <summary>
    /// The key-encryption key: 32 random bytes, base64, in a file that is not in the database. It seals the
    /// data-protection key ring, which seals the site's own keys and every signer's personal data. Relative paths are
    /// taken from the content root. Several instances are each given the same file (a mounted secret).
    /// </summary>
    [Required(ErrorMessage = "Keys:KeyFile must name the key-encryption key file.")]
    public string KeyFile { get; set; } = "data/keys/petition.key";
}

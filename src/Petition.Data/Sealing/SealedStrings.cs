using System.Text;

namespace Petition.Data.Sealing;

/// <summary>A few strings (any of them null) packed into one sealed value, and opened again.</summary>
public static class SealedStrings
{
    /// <summary>Null when every value is null or empty: nothing to keep.</summary>
    public static byte[]? Seal(IPersonalDataSeal seal, params string?[] values)
    {
        if (values.All(string.IsNullOrEmpty))
            return null;
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)values.Length);
            foreach (var value in values)
            {
                writer.Write(value is not null);
                if (value is not null)
                    writer.Write(value);
            }
        }
        return seal.Seal(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>The values sealed, as many as asked for (missing ones null); all null when nothing was sealed.</summary>
    public static string?[] Open(IPersonalDataSeal seal, byte[]? sealedValue, int count)
    {
        var values = new string?[count];
        if (sealedValue is null)
            return values;
        // What BinaryWriter wrote: a count, then per value a presence byte and a 7-bit-encoded length before the UTF-8.
        ReadOnlySpan<byte> plain = seal.Open(sealedValue);
        var stored = plain[0];
        var at = 1;
        for (var i = 0; i < stored; i++)
        {
            string? value = null;
            if (plain[at++] != 0)
            {
                int length = 0, shift = 0;
                byte part;
                do
                {
                    part = plain[at++];
                    length |= (part & 0x7F) << shift;
                    shift += 7;
                } while ((part & 0x80) != 0);
                value = Encoding.UTF8.GetString(plain.Slice(at, length));
                at += length;
            }
            if (i < count)
                values[i] = value;
        }
        return values;
    }
}

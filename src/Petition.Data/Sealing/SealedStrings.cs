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
        using var reader = new BinaryReader(new MemoryStream(seal.Open(sealedValue)), Encoding.UTF8);
        var stored = reader.ReadByte();
        for (var i = 0; i < stored; i++)
        {
            var value = reader.ReadBoolean() ? reader.ReadString() : null;
            if (i < count)
                values[i] = value;
        }
        return values;
    }
}

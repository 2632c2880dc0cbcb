using System.Globalization;
using System.Text;

namespace Petition.Web.Signatories;

/// <summary>Where a page of the public list ended: opaque to clients, two numbers to us.</summary>
public readonly record struct SignatoryCursor(DateTimeOffset PublishedAt, long Id)
{
    public override string ToString() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{PublishedAt.UtcTicks}.{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string? value, out SignatoryCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 64) return false;
        try
        {
            var base64 = value.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('.');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            cursor = new SignatoryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

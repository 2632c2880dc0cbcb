using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Founding;

/// <summary>One line of an invitation list: the address, the name to greet, and what is wrong with it if anything.</summary>
public record InvitationLine(int Number, string Email, string? Name, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// An organiser's list of people to invite, pasted or uploaded as CSV: "email" or "email,name" per line, an optional
/// heading line, quotes around a cell allowed. Every line is judged on its own, so the preview names each one's fault.
/// </summary>
public static class InvitationLines
{
    public const int MaxLines = 5_000;

    public static List<InvitationLine> Parse(string? text)
    {
        var lines = new List<InvitationLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in (text ?? "").Replace("\r\n", "\n").Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
                continue;
            var cells = Cells(raw);
            var email = cells[0];
            if (number == 1 && email.Equals("email", StringComparison.OrdinalIgnoreCase))
                continue; // the heading
            var name = cells.Length > 1 && cells[1].Length > 0 ? cells[1] : null;
            string? error = null;
            if (lines.Count >= MaxLines)
                error = $"More than {MaxLines:N0} lines: send the rest in another list.";
            else if (!EmailAddress.IsValid(email))
                error = "Not an email address.";
            else if (!seen.Add(EmailAddress.Canonicalize(email)))
                error = "The same address is on an earlier line.";
            else if (name is not null && (name.Length > Data.Signatures.SignatureLimits.Name || !TextRules.IsClean(name)))
                error = "The name is too long or has characters we cannot accept.";
            lines.Add(new InvitationLine(number, email, name, error));
        }
        return lines;
    }

    static string[] Cells(string line)
    {
        var cells = line.Split(line.Contains(';') && !line.Contains(',') ? ';' : ',', 2);
        return cells.Select(c => c.Trim().Trim('"').Trim()).ToArray();
    }
}

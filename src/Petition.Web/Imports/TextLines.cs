namespace Petition.Web.Imports;

/// <summary>
/// Line numbers of a text by character position, counted as an editor counts them (a line break is \r\n, \n or
/// \r). The parser knows where a record ends; the organiser needs to hear where it starts.
/// </summary>
public class TextLines
{
    readonly List<long> starts = [0];

    public TextLines(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                starts.Add(i + 1);
        }
    }

    /// <summary>The 1-based line that the character at this position is on.</summary>
    public int LineAt(long position)
    {
        var index = starts.BinarySearch(position);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}

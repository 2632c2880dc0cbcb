// A mail server for the benchmark: speaks just enough SMTP (PIPELINING, CHUNKING, 8BITMIME) to take every message
// MailKit sends, counts them and keeps none. The app sends to it as it would to a relay in production. It answers
// all the commands that arrived together with one write, so it takes little of the CPU it shares with the app.
//
//   dotnet SmtpSink.dll PORT COUNT_FILE [LINKS_DIR]
//
// COUNT_FILE gets the number received, rewritten every second. With LINKS_DIR, a message to an address whose local
// part starts with "journey-" is read for its confirmation link (or a delivery's pack link), and the path is written to
// LINKS_DIR/<local part> (whole, by a rename): the journey benchmark's virtual signers (bench/lua/journey.lua) wait
// for their own file, as a signer waits for their email. Every other message is still counted and kept nowhere.
using System.Net;
using System.Net.Sockets;
using System.Text;

var port = int.Parse(args[0]);
var countFile = args[1];
var linksDirectory = args.Length > 2 ? args[2] : null;
long received = 0;

var listener = new TcpListener(IPAddress.Loopback, port);
listener.Start();
_ = Task.Run(async () =>
{
    while (true)
    {
        await File.WriteAllTextAsync(countFile + ".tmp", Interlocked.Read(ref received).ToString());
        File.Move(countFile + ".tmp", countFile, overwrite: true);
        await Task.Delay(1000);
    }
});
while (true)
{
    var client = await listener.AcceptTcpClientAsync();
    _ = Task.Run(() => ServeAsync(client));
}

async Task ServeAsync(TcpClient client)
{
    using var _ = client;
    client.NoDelay = true;
    var stream = client.GetStream();
    var buffer = new byte[1 << 16];
    int length = 0;
    var inData = false;
    long chunk = 0;
    var lastChunk = false;
    string? journey = null; // the journey signer this message is for, if any
    var captured = new MemoryStream();
    void Capture(ReadOnlySpan<byte> bytes) { if (journey is not null) captured.Write(bytes); }
    void Delivered()
    {
        if (journey is not null)
            WriteLink(journey, captured);
        captured.SetLength(0);
    }
    var output = new MemoryStream();
    void Say(string reply) => output.Write(Encoding.ASCII.GetBytes(reply));
    try
    {
        await stream.WriteAsync("220 bench-sink ESMTP\r\n"u8.ToArray());
        while (true)
        {
            if (length == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
                return;
            length += read;
            var start = 0;
            var quit = false;
            while (start < length && !quit)
            {
                var span = buffer.AsSpan(start, length - start);
                if (chunk > 0)
                {
                    var taken = (int)Math.Min(chunk, span.Length);
                    Capture(span[..taken]);
                    start += taken;
                    chunk -= taken;
                    if (chunk == 0)
                    {
                        if (lastChunk) Delivered();
                        Say("250 kept nowhere\r\n");
                    }
                    continue;
                }
                if (inData)
                {
                    var end = span.IndexOf("\r\n.\r\n"u8);
                    if (end < 0)
                    {
                        // Keep what could start the end mark.
                        var kept = Math.Max(start, length - 4);
                        Capture(buffer.AsSpan(start, kept - start));
                        start = kept;
                        break;
                    }
                    Capture(span[..end]);
                    start += end + 5;
                    inData = false;
                    Interlocked.Increment(ref received);
                    Delivered();
                    Say("250 kept nowhere\r\n");
                    continue;
                }
                var eol = span.IndexOf("\r\n"u8);
                if (eol < 0) break;
                var line = Encoding.ASCII.GetString(span[..eol]);
                start += eol + 2;
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        Say("250-bench-sink\r\n250-PIPELINING\r\n250-CHUNKING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n");
                        break;
                    case "DATA":
                        inData = true;
                        // The text starts right after the command, so a message of nothing ends at once.
                        start -= 2;
                        Say("354 go on\r\n");
                        break;
                    case "BDAT":
                        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        chunk = long.Parse(parts[1]);
                        lastChunk = parts.Length > 2 && parts[2].Equals("LAST", StringComparison.OrdinalIgnoreCase);
                        if (lastChunk)
                            Interlocked.Increment(ref received);
                        if (chunk == 0)
                        {
                            if (lastChunk) Delivered();
                            Say("250 kept nowhere\r\n");
                        }
                        break;
                    case "QUIT":
                        Say("221 bye\r\n");
                        quit = true;
                        break;
                    case "RCPT":
                        journey = linksDirectory is null ? null : JourneyOf(line);
                        Say("250 ok\r\n");
                        break;
                    default: // MAIL, RSET, NOOP
                        if (verb is "MAIL" or "RSET") { journey = null; captured.SetLength(0); }
                        Say("250 ok\r\n");
                        break;
                }
            }
            Buffer.BlockCopy(buffer, start, buffer, 0, length - start);
            length -= start;
            if (output.Length > 0)
            {
                await stream.WriteAsync(output.GetBuffer().AsMemory(0, (int)output.Length));
                output.SetLength(0);
            }
            if (quit)
                return;
        }
    }
    catch (IOException) { }
    catch (SocketException) { }
}

// "RCPT TO:<journey-run-thread-n@bench.example>" gives "journey-run-thread-n"; any other address, null.
static string? JourneyOf(string line)
{
    var open = line.IndexOf('<');
    var at = line.IndexOf('@', open + 1);
    if (open < 0 || at < 0) return null;
    var local = line[(open + 1)..at];
    return local.StartsWith("journey-", StringComparison.Ordinal) && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? local : null;
}

// The message's first confirmation link, or a delivery's pack link (the text part comes first), its quoted-printable
// soft breaks undone.
void WriteLink(string journey, MemoryStream message)
{
    var text = Encoding.ASCII.GetString(message.GetBuffer(), 0, (int)message.Length).Replace("=\r\n", "");
    var kind = text.Contains("/confirm/", StringComparison.Ordinal) ? "/confirm/" : "/packs/"; // a signer's or a recipient's
    var at = text.IndexOf(kind, StringComparison.Ordinal);
    if (at < 0) return;
    var end = at + kind.Length;
    while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_')) end++;
    var path = Path.Combine(linksDirectory!, journey);
    File.WriteAllText(path + ".tmp", text[at..end]);
    File.Move(path + ".tmp", path, overwrite: true);
}

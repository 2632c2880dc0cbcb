using System.Text.Encodings.Web;
using System.Text.Json;

namespace Petition.Web.Exports;

/// <summary>
/// One JSON object: what the file is (letter, version, scope, filter, count, time), then the signatures as an
/// array of objects keyed like the API. Written as it is read, flushed every thousand rows.
/// </summary>
public class JsonExportWriter : IExportWriter
{
    // Names in any script stay readable in the file; the writer still escapes what JSON requires.
    static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ExportFormat Format => ExportFormat.Json;

    public async Task WriteAsync(Stream output, ExportDocument document, IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartObject("letter");
        json.WriteString("slug", document.Letter.Slug);
        json.WriteString("title", document.VersionTitle);
        json.WriteString("recipients", document.Recipients);
        json.WriteNumber("version", document.Version);
        json.WriteString("url", document.LetterUrl);
        json.WriteEndObject();
        json.WriteString("scope", document.Scope.ToString().ToLowerInvariant());
        json.WriteString("filter", document.Filter);
        json.WriteNumber("count", document.Count);
        json.WriteString("generatedAt", document.GeneratedAt);
        json.WriteStartArray("signatures");
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            foreach (var column in document.Columns)
                WriteValue(json, column.Key, column.Value(row));
            json.WriteEndObject();
            if (++written % 1000 == 0)
                await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case bool flag: json.WriteBoolean(key, flag); break;
            case long number: json.WriteNumber(key, number); break;
            case int number: json.WriteNumber(key, number); break;
            case DateTimeOffset at: json.WriteString(key, at.ToUniversalTime()); break;
            default: json.WriteString(key, value.ToString()); break;
        }
    }
}

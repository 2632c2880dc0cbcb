using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Petition.Web.Front;

/// <summary>
/// How much a request may send. Every form and JSON body of the site is small (a signature is a few hundred bytes),
/// so the default is small too, and a larger body is refused with 413 before it is read: 28 MB sign requests sent
/// twelve at a time had doubled the process's memory. An endpoint that takes uploads says its own limit with
/// <c>[RequestSizeLimit]</c> (the import page: 7 MB).
/// </summary>
public static class BodyLimits
{
    public const long DefaultMaxBytes = 64 * 1024;

    /// <summary>
    /// The letter editor and its translations: a text of 100,000 characters, in a script of three bytes a character,
    /// percent-encoded in a form post, is about 1 MB. Admins only.
    /// </summary>
    public const long LetterTextMaxBytes = 2 * 1024 * 1024;

    /// <summary>After routing, so the endpoint's own limit is known.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask; // the status-code pages write the problem body or the error page
        }
        // A body sent without a length (chunked) is cut off once it passes the limit: by the server where it can,
        // and by the stream itself everywhere (the test server has no such limit of its own).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        if (http.Request.ContentLength is null && (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method)))
            http.Request.Body = new CappedStream(http.Request.Body, limit);
        return next();
    });

    /// <summary>Reads through to the request body and throws the server's own 413 once more than the limit has come.</summary>
    sealed class CappedStream(Stream inner, long limit) : Stream
    {
        long read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        int Count(int n)
        {
            read += n;
            if (read > limit)
                throw new BadHttpRequestException("The request body is larger than this endpoint takes.", StatusCodes.Status413PayloadTooLarge);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

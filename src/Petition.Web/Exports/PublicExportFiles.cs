using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Petition.Web.Signing;

namespace Petition.Web.Exports;

/// <summary>
/// The public list as files, made once and shared. A public download is cheap to ask for and costly to make (a
/// million rows take seconds of CPU and tens of megabytes of disk), and a letter in the news has it asked for by
/// many at once: everyone who asks for the same file within <see cref="ExportOptions.PublicFileLifetime"/> gets the
/// one made first, and at most <see cref="ExportOptions.MaxConcurrentPublic"/> different files are made at a time
/// on this instance. A withdrawal, a rejection or a hidden name drops the letter's files at once; new
/// signatures wait for the lifetime, as the cached pages do.
/// </summary>
public sealed class PublicExportFiles : IDisposable
{
    readonly IServiceScopeFactory scopes;
    readonly ExportOptions options;
    readonly ILogger<PublicExportFiles> logger;
    readonly TimeProvider time;
    readonly SemaphoreSlim making;
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("petition-public-exports-");
    readonly ConcurrentDictionary<string, Entry> files = new();

    public PublicExportFiles(IServiceScopeFactory scopes, Letters.PublicView publicView, IOptions<ExportOptions> options,
        TimeProvider time, ILogger<PublicExportFiles> logger)
    {
        (this.scopes, this.options, this.time, this.logger) = (scopes, options.Value, time, logger);
        making = new SemaphoreSlim(this.options.MaxConcurrentPublic);
        publicView.ChangedHere += Drop;
    }

    sealed class Entry(int letterId, string path)
    {
        public readonly int LetterId = letterId;
        public readonly string Path = path;
        public Lazy<Task<MadeExport>> Made = null!;
        public long MadeAt;
        public bool Finished, Dropped; // under the entry's lock: whichever comes second deletes the file

        public bool Expired(TimeSpan lifetime, TimeProvider time) => MadeAt != 0 && time.GetElapsedTime(MadeAt) >= lifetime;
    }

    /// <summary>The shared file for this request, or null when the instance is already making as many as it may.</summary>
    public async Task<SignedFile?> OpenAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        // A file made while the names were held back is not the one to serve once they are published.
        var names = request.Letter.NamesPublicAt(time.GetUtcNow()) ? "names" : "held";
        var key = $"{request.Letter.Id}/{request.Format}/{names}/{request.WrittenIn}/{request.Applied.Describe(ExportScope.Public)}";
        foreach (var (old, stale) in files)
            if (stale.Expired(options.PublicFileLifetime, time))
                Remove(old, stale);
        for (var attempt = 0; ; attempt++)
        {
            var entry = files.GetOrAdd(key, _ => NewEntry(request));
            MadeExport made;
            try
            {
                // Shared by everyone waiting for it, so no one reader's leaving cancels it.
                made = await entry.Made.Value.WaitAsync(cancellationToken);
            }
            catch (ExportsBusyException)
            {
                Remove(key, entry);
                return null;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                Remove(key, entry);
                throw;
            }
            try
            {
                // Removing a file does not end a download that has it open.
                return made.Serve(new FileStream(entry.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                    1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan));
            }
            catch (FileNotFoundException) when (attempt < 3)
            {
                // Dropped between the lookup and the open: make it again.
            }
        }
    }

    Entry NewEntry(ExportRequest request)
    {
        var entry = new Entry(request.Letter.Id, Path.Combine(folder.FullName, $"{Guid.NewGuid():N}.{request.Format.Extension()}"));
        entry.Made = new Lazy<Task<MadeExport>>(() => MakeAsync(request, entry)); // made once, by whoever asks first
        return entry;
    }

    async Task<MadeExport> MakeAsync(ExportRequest request, Entry entry)
    {
        await Task.Yield(); // never inside GetOrAdd's caller
        // A wait for other visitors' exports to finish, in real time (a request's patience, not the app's clock).
        if (!await making.WaitAsync(options.BusyWait))
            throw new ExportsBusyException();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var exports = scope.ServiceProvider.GetRequiredService<SignedExports>();
            await using var file = new FileStream(entry.Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete,
                1 << 16, FileOptions.Asynchronous);
            var made = await exports.WriteAsync(request, file, CancellationToken.None);
            entry.MadeAt = time.GetTimestamp();
            Finish(entry);
            return made;
        }
        catch
        {
            TryDelete(entry.Path);
            throw;
        }
        finally
        {
            making.Release();
        }
    }

    /// <summary>Dropped while it was being made: the requests waiting for it are served, and nothing is kept.</summary>
    void Finish(Entry entry)
    {
        lock (entry)
        {
            entry.Finished = true;
            if (entry.Dropped)
                TryDelete(entry.Path);
        }
    }

    /// <summary>Drops a letter's files: something that they show has been taken back.</summary>
    void Drop(int letterId)
    {
        foreach (var (key, entry) in files)
            if (entry.LetterId == letterId)
                Remove(key, entry);
    }

    void Remove(string key, Entry entry)
    {
        if (!files.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
            return;
        lock (entry)
        {
            entry.Dropped = true;
            if (entry.Finished)
                TryDelete(entry.Path);
        }
    }

    void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException e) { logger.LogWarning(e, "Could not delete the export file {Path}", path); }
    }

    public void Dispose()
    {
        making.Dispose();
        try { folder.Delete(recursive: true); }
        catch (IOException) { /* a download still holds a file open; the temporary folder is the system's to clear */ }
    }
}

/// <summary>This instance is making as many public files as it may; the caller should try again shortly.</summary>
public sealed class ExportsBusyException() : Exception("Too many public downloads are being made at once.");

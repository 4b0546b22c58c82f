namespace HybridSgd.Pipeline.Persistence;

/// <summary>
/// Writes a file so that a reader (or a crash) sees either the old complete file or the new complete file:
/// write a temporary sibling, flush it to disk, then rename it over the target. The one writer of every file the
/// program must not leave half-written (model, checkpoint, reports, status); it lives here, in the lowest assembly
/// that writes such a file, and Host reaches it as a friend assembly.
/// </summary>
internal static class AtomicFile
{
    private const string TemporarySuffix = ".tmp";

    /// <param name="keepPreviousAs">
    /// Where the target's old content goes when it is replaced (null: it is dropped). It is moved there just before
    /// the new file takes its place, so a crash between the two renames leaves it as the newest whole file.
    /// </param>
    public static void Write(string path, Action<Stream> write, string? keepPreviousAs = null)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = TemporaryPathFor(full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (keepPreviousAs is not null && File.Exists(full))
            {
                File.Move(full, keepPreviousAs, overwrite: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            // Never leave a half-written temporary behind. The old content stands: in the target, or (when the
            // second rename failed) in keepPreviousAs.
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// A fresh temporary for a write to <paramref name="fullPath"/>: hidden, and unique, so that two writers of one file
    /// never share one.
    /// </summary>
    internal static string TemporaryPathFor(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}{TemporarySuffix}");

    /// <summary>
    /// Deletes the temporaries that writes into <paramref name="directory"/> left behind when the process died before
    /// their rename. Call it only while nothing else writes there (the service holds its directory's lock).
    /// </summary>
    public static void RemoveLeftovers(string directory)
    {
        foreach (string file in Directory.EnumerateFiles(directory, $".*{TemporarySuffix}"))
        {
            // ".model.hsgd.<guid>.tmp": the guid says AtomicFile made it.
            string guid = Path.GetExtension(Path.GetFileNameWithoutExtension(file)).TrimStart('.');
            if (Guid.TryParseExact(guid, "N", out _))
            {
                File.Delete(file);
            }
        }
    }
}

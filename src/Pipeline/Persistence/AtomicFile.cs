namespace HybridSgd.Pipeline.Persistence;

/// <summary>
/// Writes a file so that a reader (or a crash) sees either the old complete file or the new complete file:
/// write a temporary sibling, flush it to disk, then rename it over the target.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            // Never leave a half-written temporary behind; the target still holds its previous content.
            File.Delete(temporary);
            throw;
        }
    }
}

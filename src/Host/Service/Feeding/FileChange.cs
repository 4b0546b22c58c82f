using HybridSgd.Embedding.Checkpoints;

namespace HybridSgd.Host.Service.Feeding;

/// <summary>What happened to a fed file since it was accepted (its <see cref="SourcePosition"/> was taken).</summary>
internal enum FileChange
{
    /// <summary>Same size, same first 64 KiB.</summary>
    Unchanged,

    /// <summary>Larger, and what it held before is still its beginning: a writer appended rows.</summary>
    Appended,

    /// <summary>Anything else: another file under the same name, or rewritten in place.</summary>
    Rewritten,

    /// <summary>No longer there (moved away by hand).</summary>
    Gone,
}

internal static class FileChanges
{
    /// <summary>
    /// Compares <paramref name="path"/> now with <paramref name="known"/>. A change that keeps both the size and the
    /// first 64 KiB is not seen: reading the whole file again to find it would undo the point of reading it once.
    /// </summary>
    public static FileChange Of(string path, SourcePosition known)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return FileChange.Gone;
        }

        if (info.Length == known.Length)
        {
            return FileFingerprint.Of(path) == known.Fingerprint ? FileChange.Unchanged : FileChange.Rewritten;
        }

        return info.Length > known.Length && FileFingerprint.Of(path, known.Length) == known.Fingerprint
            ? FileChange.Appended
            : FileChange.Rewritten;
    }
}

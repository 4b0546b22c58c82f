namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// Lists the data files of one directory that are ready to read: a data extension (<see cref="FeedNames"/>) and a
/// size and modification time unchanged for the settle time, measured across successive scans — the safety net
/// for writers that write in place instead of renaming. Oldest first, then by name, so files are trained on in
/// the order they arrived. One caller at a time.
/// </summary>
internal sealed class FeedDirectoryScanner(string directory, bool fromSpool, TimeSpan settleTime, TimeProvider time)
{
    private readonly Dictionary<string, (long Length, DateTime LastWrite, long SeenSince)> _seen = new(StringComparer.Ordinal);

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Data files present at the last scan, settled or not: the inbox length reported to metrics.</summary>
    public int Pending { get; private set; }

    public IReadOnlyList<FeedFile> ScanReady()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var ready = new List<FeedFile>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        long now = time.GetTimestamp();
        foreach (var info in new DirectoryInfo(Directory).EnumerateFiles())
        {
            if (!FeedNames.IsData(info.Name))
            {
                continue;
            }

            present.Add(info.FullName);
            var stamp = (info.Length, info.LastWriteTimeUtc);
            if (!_seen.TryGetValue(info.FullName, out var seen) || (seen.Length, seen.LastWrite) != stamp)
            {
                // New or still changing: the settle clock (re)starts now.
                _seen[info.FullName] = (info.Length, info.LastWriteTimeUtc, now);
                if (settleTime > TimeSpan.Zero)
                {
                    continue;
                }
            }
            else if (time.GetElapsedTime(_seen[info.FullName].SeenSince, now) < settleTime)
            {
                continue;
            }

            ready.Add(new FeedFile(info.FullName, info.Length, info.LastWriteTimeUtc, fromSpool));
        }

        foreach (string gone in _seen.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _seen.Remove(gone);
        }

        Pending = present.Count;
        return ready.OrderBy(f => f.LastWriteUtc).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Forgets a file that has been handled (moved away), so a new file of the same name settles afresh.</summary>
    public void Forget(string path) => _seen.Remove(path);
}

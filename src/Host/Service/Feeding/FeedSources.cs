namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// The inbox and the stdin spool, listed together: spooled chunks first (they are already complete and exist
/// nowhere else), then inbox files oldest first. Files the caller has set aside are not offered again.
/// </summary>
internal sealed class FeedSources(FeedDirectoryScanner inbox, FeedDirectoryScanner? spool)
{
    private readonly HashSet<string> _setAside = new(StringComparer.Ordinal);

    /// <summary>Data files waiting in both directories at the last scan.</summary>
    public int Pending => inbox.Pending + (spool?.Pending ?? 0);

    public string InboxDirectory => inbox.Directory;

    public FeedFile? Next()
    {
        var ready = (spool?.ScanReady() ?? []).Concat(inbox.ScanReady());
        return ready.FirstOrDefault(f => !_setAside.Contains(f.Path));
    }

    /// <summary>Not offered again until <see cref="Release"/>: trained on, waiting for a second checkpoint before it moves.</summary>
    public void SetAside(string path) => _setAside.Add(path);

    /// <summary>The file has left its directory; a new file of that name is new.</summary>
    public void Release(string path)
    {
        _setAside.Remove(path);
        inbox.Forget(path);
        spool?.Forget(path);
    }
}

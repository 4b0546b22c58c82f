using HybridSgd.Embedding.Checkpoints;

namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// How far training got into each file it has seen and not yet moved away: what a checkpoint records under
/// <c>Sources</c>. After a restart a file in the inbox is matched to its record by name, size and fingerprint, so
/// training resumes after its consumed rows; a different file under the same name starts from its first row.
/// </summary>
internal sealed class SourceBook
{
    private readonly Dictionary<string, SourcePosition> _byKey = new(StringComparer.Ordinal);

    public SourceBook(IEnumerable<SourcePosition> restored)
    {
        foreach (var position in restored)
        {
            _byKey[Key(position.Name, position.FromSpool)] = position;
        }
    }

    public IReadOnlyList<SourcePosition> Positions => _byKey.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>The record for <paramref name="file"/>: the restored one if it is the same file, else a fresh one.</summary>
    /// <param name="replaced">A record of that name existed but describes another file.</param>
    public SourcePosition Open(FeedFile file, out bool replaced)
    {
        string key = Key(file.Name, file.FromSpool);
        string fingerprint = FileFingerprint.Of(file.Path);
        replaced = false;
        if (_byKey.TryGetValue(key, out var known))
        {
            if (known.Length == file.Length && known.Fingerprint == fingerprint)
            {
                return known;
            }

            replaced = true;
        }

        var fresh = new SourcePosition(file.Name, file.FromSpool, file.Length, fingerprint, 0, false, 0);
        _byKey[key] = fresh;
        return fresh;
    }

    public void Advance(FeedFile file, int rows) => Change(file, p => p with { Rows = p.Rows + rows });

    public void Complete(FeedFile file) => Change(file, p => p with { Completed = true });

    public void Forget(FeedFile file) => _byKey.Remove(Key(file.Name, file.FromSpool));

    /// <summary>A checkpoint is being written: every completed file is covered by one more.</summary>
    public void CountCheckpoint()
    {
        foreach (var (key, position) in _byKey.Where(p => p.Value.Completed).ToList())
        {
            _byKey[key] = position with { CompletedCheckpoints = position.CompletedCheckpoints + 1 };
        }
    }

    /// <summary>Files covered by both kept checkpoints: safe to move out of the inbox.</summary>
    public IReadOnlyList<SourcePosition> Releasable() => _byKey.Values.Where(p => p.Completed && p.CompletedCheckpoints >= 2).ToList();

    /// <summary>Completed files still waiting for their second checkpoint.</summary>
    public bool AnyAwaitingRelease => _byKey.Values.Any(p => p.Completed && p.CompletedCheckpoints < 2);

    /// <summary>Drops records of files that are no longer there (moved away by hand).</summary>
    public void Retain(Func<SourcePosition, bool> exists)
    {
        foreach (var gone in _byKey.Where(p => !exists(p.Value)).Select(p => p.Key).ToList())
        {
            _byKey.Remove(gone);
        }
    }

    private void Change(FeedFile file, Func<SourcePosition, SourcePosition> change)
    {
        string key = Key(file.Name, file.FromSpool);
        _byKey[key] = change(_byKey[key]);
    }

    private static string Key(string name, bool fromSpool) => (fromSpool ? "spool/" : "inbox/") + name;
}

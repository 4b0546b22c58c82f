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

    /// <summary>
    /// The record for <paramref name="file"/>: the known one if it is the same file (with its new size if rows were
    /// appended since, so training goes on after the rows it consumed), else a fresh one from its first row.
    /// </summary>
    /// <param name="change">How the file changed since its record was taken; null when it has none.</param>
    public SourcePosition Open(FeedFile file, out FileChange? change)
    {
        string key = Key(file.Name, file.FromSpool);
        change = _byKey.TryGetValue(key, out var known) ? FileChanges.Of(file.Path, known) : null;
        var position = change switch
        {
            FileChange.Unchanged => known!,
            FileChange.Appended => known! with { Length = file.Length, Fingerprint = FileFingerprint.Of(file.Path), Completed = false, CompletedCheckpoints = 0 },
            _ => new SourcePosition(file.Name, file.FromSpool, file.Length, FileFingerprint.Of(file.Path), 0, false, 0),
        };
        _byKey[key] = position;
        return position;
    }

    /// <summary>The record of <paramref name="file"/> as it stands.</summary>
    public SourcePosition Of(FeedFile file) => _byKey[Key(file.Name, file.FromSpool)];

    /// <summary>A completed file changed before it left the inbox: it is to be read again (see <see cref="Open"/>).</summary>
    public void Reopen(SourcePosition position) =>
        _byKey[Key(position.Name, position.FromSpool)] = position with { Completed = false, CompletedCheckpoints = 0 };

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

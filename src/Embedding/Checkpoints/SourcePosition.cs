namespace HybridSgd.Embedding.Checkpoints;

/// <summary>How far training got into one fed file, and how to recognise that file again after a restart.</summary>
/// <param name="Name">File name in the inbox (or spool).</param>
/// <param name="FromSpool">A standard-input chunk in the spool rather than an inbox file.</param>
/// <param name="Length">Size in bytes when it was accepted.</param>
/// <param name="Fingerprint">SHA-256 of its first 64 KiB (see <c>FileFingerprint</c>).</param>
/// <param name="Rows">Data rows consumed: read and trained on (or skipped as unusable) in completed segments.</param>
/// <param name="Completed">Every row consumed.</param>
/// <param name="CompletedCheckpoints">
/// Checkpoints written since it was completed. The file leaves the inbox at 2: then the previous checkpoint, the
/// fallback when the newest is corrupt, also holds all its rows.
/// </param>
internal sealed record SourcePosition(
    string Name,
    bool FromSpool,
    long Length,
    string Fingerprint,
    long Rows,
    bool Completed,
    int CompletedCheckpoints);

namespace HybridSgd.Host.Service.Feeding;

/// <summary>A settled data file waiting in the inbox or the spool, as it was when it was listed.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastWriteUtc">Modification time.</param>
/// <param name="FromSpool">A chunk of standard input (deleted once trained on) rather than a user's file (moved to done/).</param>
internal sealed record FeedFile(string Path, long Length, DateTime LastWriteUtc, bool FromSpool)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

using HybridSgd.Pipeline.Persistence;

namespace HybridSgd.Embedding.Checkpoints;

/// <summary>
/// checkpoint.hsgdc and checkpoint.prev.hsgdc in the model directory, each a <see cref="DurableFile{THeader}"/>
/// signed "HSGDCKPT": the <see cref="Checkpoint"/> its header, the weights its payload. A write goes through
/// <see cref="AtomicFile"/>, which moves the current checkpoint to the previous one just before the new one takes its
/// place: a crash at any point leaves at least one whole checkpoint, and a corrupt newest one (checked by its SHA-256)
/// falls back to the previous.
/// </summary>
internal sealed class CheckpointStore(string directory)
{
    public const string FileName = "checkpoint.hsgdc";
    public const string PreviousFileName = "checkpoint.prev.hsgdc";

    /// <summary>Format 1, the only one so far.</summary>
    private static readonly DurableFile<Checkpoint> Format = new("Checkpoint", "HSGDCKPT"u8, version: 1, oldestReadableVersion: 1);

    public string CurrentPath { get; } = Path.Combine(Path.GetFullPath(directory), FileName);

    public string PreviousPath { get; } = Path.Combine(Path.GetFullPath(directory), PreviousFileName);

    public void Write(Checkpoint checkpoint, ReadOnlySpan<float> weights) => Format.Write(CurrentPath, checkpoint, weights, keepPreviousAs: PreviousPath);

    /// <summary>
    /// The newest whole checkpoint: the current one, else the previous one; null when neither exists.
    /// <paramref name="rejected"/> lists each file that exists but could not be used, and why.
    /// </summary>
    public LoadedCheckpoint? Load(List<string> rejected)
    {
        foreach (var (path, previous) in new[] { (CurrentPath, false), (PreviousPath, true) })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                var (checkpoint, weights) = Format.Read(path);
                return new LoadedCheckpoint(checkpoint, weights, path, previous);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                // An InvalidDataException names the file; an IOException may not.
                rejected.Add(exception is IOException ? $"Checkpoint '{path}' could not be read: {exception.Message}" : exception.Message);
            }
        }

        return null;
    }
}

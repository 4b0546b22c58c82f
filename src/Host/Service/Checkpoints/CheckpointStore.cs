namespace HybridSgd.Host.Service.Checkpoints;

/// <summary>
/// checkpoint.hsgdc and checkpoint.prev.hsgdc in the model directory. A write goes to a temporary file that is
/// flushed to disk, then the current checkpoint becomes the previous one and the temporary file the current one
/// (two renames): a crash at any point leaves at least one whole checkpoint, and a corrupt newest one (checked by
/// its SHA-256) falls back to the previous.
/// </summary>
internal sealed class CheckpointStore(string directory)
{
    public const string FileName = "checkpoint.hsgdc";
    public const string PreviousFileName = "checkpoint.prev.hsgdc";

    public string CurrentPath { get; } = Path.Combine(Path.GetFullPath(directory), FileName);

    public string PreviousPath { get; } = Path.Combine(Path.GetFullPath(directory), PreviousFileName);

    /// <summary>The temporary file a write goes through; a crash can leave it behind, and it is never read.</summary>
    public string TemporaryPath => CurrentPath + ".tmp";

    public void Write(Checkpoint checkpoint, ReadOnlySpan<float> weights)
    {
        byte[] bytes = CheckpointCodec.Encode(checkpoint, weights);
        Directory.CreateDirectory(Path.GetDirectoryName(CurrentPath)!);
        using (var stream = new FileStream(TemporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        if (File.Exists(CurrentPath))
        {
            File.Move(CurrentPath, PreviousPath, overwrite: true);
        }

        File.Move(TemporaryPath, CurrentPath);
    }

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
                var (checkpoint, weights) = CheckpointCodec.Decode(File.ReadAllBytes(path));
                return new LoadedCheckpoint(checkpoint, weights, path, previous);
            }
            catch (Exception exception) when (exception is InvalidDataException or System.Text.Json.JsonException or IOException)
            {
                rejected.Add($"'{path}': {exception.Message}");
            }
        }

        return null;
    }
}

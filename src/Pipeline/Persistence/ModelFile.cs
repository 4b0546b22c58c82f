namespace HybridSgd.Pipeline.Persistence;

/// <summary>
/// The trained-model file: a <see cref="DurableFile{THeader}"/> signed "HSGDMODL", the <see cref="ModelHeader"/> its
/// header and the float32 weights its payload, so a truncated or corrupted file is refused instead of loaded.
/// </summary>
public static class ModelFile
{
    /// <summary>
    /// 2 added the task and the data spec to the header. An older build must refuse such a file rather than read
    /// a binary or regression model as multiclass, hence the new number; files of version 1 still load (as the
    /// multiclass models they are).
    /// </summary>
    public const int FormatVersion = 2;

    private static readonly DurableFile<ModelHeader> Format = new("Model file", "HSGDMODL"u8, FormatVersion, oldestReadableVersion: 1);

    public static void Save(string path, ModelHeader header, ReadOnlySpan<float> weights) => Format.Write(path, header, weights);

    /// <exception cref="InvalidDataException">The file is truncated, corrupted, not a model file or of a newer format; the message says which.</exception>
    public static (ModelHeader Header, float[] Weights) Load(string path) => Format.Read(path);
}

namespace HybridSgd.Datasets;

/// <summary>
/// A dataset directory or one of its files is missing. <see cref="FileNotFoundException.FileName"/>
/// holds the missing path; the message also says how to provide the data.
/// </summary>
/// <remarks>
/// Kept apart from <see cref="DatasetFormatException"/>: "not there" is fixed by configuration or an
/// install, "there but wrong" by replacing the file, and callers may want to tell users which one.
/// </remarks>
public sealed class DatasetNotFoundException : FileNotFoundException
{
    /// <summary>Creates the exception for <paramref name="missingPath"/>.</summary>
    /// <param name="message">The complete message, naming the missing path and how to fix it.</param>
    /// <param name="missingPath">The directory or file that does not exist.</param>
    public DatasetNotFoundException(string message, string missingPath)
        : base(message, missingPath)
    {
    }
}

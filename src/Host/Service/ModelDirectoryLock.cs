namespace HybridSgd.Host.Service;

/// <summary>
/// One service per model directory: two would both train on the inbox, move each other's files and overwrite
/// each other's checkpoints. The lock is an open file the operating system releases when the process ends in any
/// way (kill -9 included), so a crash never leaves a stale lock behind.
/// </summary>
internal sealed class ModelDirectoryLock : IDisposable
{
    public const string FileName = "service.lock";

    private readonly FileStream _file;

    private ModelDirectoryLock(FileStream file) => _file = file;

    public static ModelDirectoryLock Acquire(string modelDirectory)
    {
        Directory.CreateDirectory(modelDirectory);
        string path = Path.Combine(modelDirectory, FileName);
        try
        {
            // On Linux .NET enforces FileShare.None with an exclusive advisory lock (flock), which another
            // instance of this program asks for too, and which the kernel drops with the process.
            return new ModelDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception) when (exception is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
        {
            throw new IOException(
                $"Another service is already using the model directory '{Path.GetFullPath(modelDirectory)}' ({FileName} is locked). " +
                "Stop it first, or give this one its own Service:ModelDirectory (--model-dir).",
                exception);
        }
    }

    public void Dispose() => _file.Dispose();
}

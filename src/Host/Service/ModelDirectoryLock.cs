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
        catch (IOException exception) when (LockRefused(exception))
        {
            throw new IOException(
                $"Another service is already using the model directory '{Path.GetFullPath(modelDirectory)}' ({FileName} is locked). " +
                "Stop it first, or give this one its own Service:ModelDirectory (--model-dir).",
                exception);
        }
        catch (IOException exception) when (exception is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException))
        {
            // A read-only file system, a full disk, no inodes, a broken link: the directory's own problem, named
            // as the system reported it, so nobody goes looking for a process that does not exist.
            throw new IOException($"Cannot open the lock file '{Path.GetFullPath(path)}' in the model directory: {exception.Message}", exception);
        }
    }

    public void Dispose() => _file.Dispose();

    /// <summary>
    /// Whether the open failed because another process holds the lock, rather than for any other reason. .NET
    /// reports the refused lock as an IOException whose HResult is the system's error code: EWOULDBLOCK from flock
    /// on Unix (11 on Linux, 35 on the BSDs and macOS), ERROR_SHARING_VIOLATION on Windows.
    /// </summary>
    private static bool LockRefused(IOException exception) =>
        exception.HResult == (OperatingSystem.IsWindows() ? unchecked((int)0x80070020)
            : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 35
            : 11);
}

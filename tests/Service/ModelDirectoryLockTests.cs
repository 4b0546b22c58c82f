using System.Net.Sockets;
using HybridSgd.Host.Service;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Service;

public sealed class ModelDirectoryLockTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void SecondService_OnTheSameModelDirectory_IsRefusedWithTheReason()
    {
        using var first = ModelDirectoryLock.Acquire(_scratch.Path);

        var error = Assert.Throws<IOException>(() => ModelDirectoryLock.Acquire(_scratch.Path));

        Assert.Contains("Another service is already using the model directory", error.Message);
        Assert.Contains("--model-dir", error.Message);
    }

    [Fact]
    public void Lock_IsFreeAgain_OnceReleased_AndTheNewHolderHoldsIt()
    {
        ModelDirectoryLock.Acquire(_scratch.Path).Dispose();

        using var again = ModelDirectoryLock.Acquire(_scratch.Path);

        Assert.Throws<IOException>(() => ModelDirectoryLock.Acquire(_scratch.Path));
    }

    [Fact]
    public void LockFileThatCannotBeOpened_IsReportedAsItself_NotAsAnotherService()
    {
        // service.lock is a Unix socket: opening it fails with "no such device or address", an I/O error of the
        // directory like a read-only file system or a full disk would give, not a lock held by anyone.
        string path = Path.Combine(Directory.CreateDirectory(_scratch.Path).FullName, ModelDirectoryLock.FileName);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var error = Assert.Throws<IOException>(() => ModelDirectoryLock.Acquire(_scratch.Path));

        Assert.False(error.Message.Contains("Another service", StringComparison.Ordinal), error.Message);
        Assert.Contains($"Cannot open the lock file '{path}' in the model directory: ", error.Message);
    }
}

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
}

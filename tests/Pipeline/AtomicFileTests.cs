using HybridSgd.Pipeline.Persistence;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>A reader, or a crash, sees the old whole file or the new whole file, never a part; no temporary is left.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string Target => Path.Combine(_scratch.Path, "f.bin");

    private string Previous => Path.Combine(_scratch.Path, "f.prev.bin");

    [Fact]
    public void Write_OverAnExistingFile_NewContentAndNothingElse()
    {
        AtomicFile.Write(Target, Bytes(1, 2, 3));
        AtomicFile.Write(Target, Bytes(4, 5));

        Assert.Equal([4, 5], File.ReadAllBytes(Target));
        Assert.Equal([Target], Directory.GetFiles(_scratch.Path));
    }

    [Fact]
    public void Write_FailsMidway_OldContentStandsAndNoTemporaryRemains()
    {
        AtomicFile.Write(Target, Bytes(1, 2, 3));

        Assert.Throws<IOException>(() => AtomicFile.Write(Target, HalfThenFail));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(Target));
        Assert.Equal([Target], Directory.GetFiles(_scratch.Path));
    }

    [Fact]
    public void Write_KeepPrevious_OldContentMovesThere()
    {
        AtomicFile.Write(Target, Bytes(1), keepPreviousAs: Previous);
        Assert.False(File.Exists(Previous));

        AtomicFile.Write(Target, Bytes(2), keepPreviousAs: Previous);
        AtomicFile.Write(Target, Bytes(3), keepPreviousAs: Previous);

        Assert.Equal([3], File.ReadAllBytes(Target));
        Assert.Equal([2], File.ReadAllBytes(Previous));
        Assert.Equal(2, Directory.GetFiles(_scratch.Path).Length);
    }

    [Fact]
    public void Write_KeepPreviousFailsMidway_BothFilesUntouched()
    {
        AtomicFile.Write(Target, Bytes(1), keepPreviousAs: Previous);
        AtomicFile.Write(Target, Bytes(2), keepPreviousAs: Previous);

        Assert.Throws<IOException>(() => AtomicFile.Write(Target, HalfThenFail, keepPreviousAs: Previous));

        Assert.Equal([2], File.ReadAllBytes(Target));
        Assert.Equal([1], File.ReadAllBytes(Previous));
        Assert.Equal(2, Directory.GetFiles(_scratch.Path).Length);
    }

    [Fact]
    public void RemoveLeftovers_DeletesTheTemporariesOfDeadWritesOnly()
    {
        AtomicFile.Write(Target, Bytes(1));
        string leftover = AtomicFile.TemporaryPathFor(Target);
        string[] others = [Path.Combine(_scratch.Path, ".notes.tmp"), Path.Combine(_scratch.Path, "x.csv.tmp")];
        foreach (string file in others.Append(leftover))
        {
            File.WriteAllBytes(file, [9]);
        }

        AtomicFile.RemoveLeftovers(_scratch.Path);

        Assert.False(File.Exists(leftover));
        Assert.Equal(others.Append(Target).Order(), Directory.GetFiles(_scratch.Path).Order());
    }

    private static Action<Stream> Bytes(params byte[] content) => stream => stream.Write(content);

    private static void HalfThenFail(Stream stream)
    {
        stream.Write([7, 7]);
        throw new IOException("disk full");
    }
}

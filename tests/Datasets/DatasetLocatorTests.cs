using HybridSgd.Datasets;

namespace HybridSgd.Tests.Datasets;

/// <summary>DatasetLocator, with the current and base directories passed in rather than changed process-wide.</summary>
public sealed class DatasetLocatorTests : IDisposable
{
    private readonly IdxTestFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Resolve_ConfiguredAbsoluteDirectory_IsUsedAsIs()
    {
        string configured = Directory.CreateDirectory(Path.Combine(_temp.Directory, "mine")).FullName;

        string resolved = DatasetLocator.ResolveFashionMnistDirectory(configured, "/", "/", []);

        Assert.Equal(configured, resolved);
    }

    [Fact]
    public void Resolve_ConfiguredRelativeDirectory_IsTakenAgainstCurrentDirectory()
    {
        string expected = Directory.CreateDirectory(Path.Combine(_temp.Directory, "rel", "fm")).FullName;

        string resolved = DatasetLocator.ResolveFashionMnistDirectory(Path.Combine("rel", "fm"), _temp.Directory, "/", []);

        Assert.Equal(expected, resolved);
    }

    [Fact]
    public void Resolve_ConfiguredDirectoryMissing_ThrowsNamingIt()
    {
        string missing = Path.Combine(_temp.Directory, "absent");

        var ex = Assert.Throws<DatasetNotFoundException>(
            () => DatasetLocator.ResolveFashionMnistDirectory(missing, _temp.Directory, _temp.Directory, []));

        Assert.Equal(missing, ex.FileName);
        Assert.Contains(missing, ex.Message);
        Assert.Contains("Data:Directory", ex.Message);
        Assert.Contains("dataset-fashion-mnist", ex.Message);
    }

    [Fact]
    public void Resolve_NotConfigured_PrefersCurrentDirectoryCopy()
    {
        string current = Path.Combine(_temp.Directory, "cwd");
        string expected = MakeCompleteCopy(current);
        MakeCompleteCopy(_temp.Directory);

        string resolved = DatasetLocator.ResolveFashionMnistDirectory(null, current, Path.Combine(_temp.Directory, "bin"), []);

        Assert.Equal(expected, resolved);
    }

    [Fact]
    public void Resolve_NotConfigured_WalksUpFromBaseDirectory()
    {
        string expected = MakeCompleteCopy(_temp.Directory);
        string baseDirectory = Directory.CreateDirectory(Path.Combine(_temp.Directory, "src", "Host", "bin", "Debug")).FullName;

        string resolved = DatasetLocator.ResolveFashionMnistDirectory("  ", Path.Combine(_temp.Directory, "elsewhere"), baseDirectory, []);

        Assert.Equal(expected, resolved);
    }

    [Fact]
    public void Resolve_NotConfigured_SkipsIncompleteCopy()
    {
        string expected = MakeCompleteCopy(_temp.Directory);
        string current = Path.Combine(_temp.Directory, "cwd");
        string incomplete = Directory.CreateDirectory(Path.Combine(current, "data", "fashion-mnist")).FullName;
        File.WriteAllBytes(Path.Combine(incomplete, "train-images-idx3-ubyte.gz"), []);

        string resolved = DatasetLocator.ResolveFashionMnistDirectory(null, current, current, []);

        Assert.Equal(expected, resolved);
    }

    [Fact]
    public void Resolve_NotConfigured_FallsBackToSystemDirectory()
    {
        string system = Path.Combine(_temp.Directory, "usr-share");
        MakeCompleteCopy(system);
        string expected = Path.Combine(system, "data", "fashion-mnist");
        string isolated = Directory.CreateDirectory(Path.Combine(_temp.Directory, "isolated")).FullName;

        string resolved = DatasetLocator.ResolveFashionMnistDirectory(null, isolated, isolated, [expected]);

        Assert.Equal(expected, resolved);
    }

    [Fact]
    public void Resolve_NothingFound_ThrowsListingSearchedPlaces()
    {
        string current = Directory.CreateDirectory(Path.Combine(_temp.Directory, "empty")).FullName;

        var ex = Assert.Throws<DatasetNotFoundException>(
            () => DatasetLocator.ResolveFashionMnistDirectory(null, current, current, ["/nonexistent/fashion-mnist"]));

        Assert.Contains(Path.Combine(current, "data", "fashion-mnist"), ex.Message);
        Assert.Contains("/nonexistent/fashion-mnist", ex.Message);
        Assert.Contains("Data:Directory", ex.Message);
    }

    [Fact]
    public void Resolve_ProcessDefaults_FindEmbeddedRepositoryCopy()
    {
        string resolved = DatasetLocator.ResolveFashionMnistDirectory(null);

        Assert.All(FashionMnist.FileNames, name => Assert.True(File.Exists(Path.Combine(resolved, name)), name));
    }

    private static string MakeCompleteCopy(string root)
    {
        string directory = Directory.CreateDirectory(Path.Combine(root, "data", "fashion-mnist")).FullName;
        foreach (string name in FashionMnist.FileNames)
        {
            File.WriteAllBytes(Path.Combine(directory, name), []);
        }

        return directory;
    }
}

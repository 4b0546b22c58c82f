using HybridSgd.Datasets;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets;

/// <summary>FashionMnist.Load on directories that are missing or incomplete.</summary>
public sealed class FashionMnistLoadTests
{
    [Fact]
    public void Load_MissingDirectory_ThrowsNamingItWithHint()
    {
        using var temp = new IdxTestFiles();
        string missing = Path.Combine(temp.Directory, "nowhere");

        var ex = Assert.Throws<DatasetNotFoundException>(() => FashionMnist.Load(new MLContext(seed: 1), missing));

        Assert.Equal(missing, ex.FileName);
        Assert.Contains(missing, ex.Message);
        Assert.Contains("Data:Directory", ex.Message);
        Assert.Contains("dataset-fashion-mnist", ex.Message);
    }

    [Theory]
    [InlineData("train-images-idx3-ubyte.gz")]
    [InlineData("train-labels-idx1-ubyte.gz")]
    [InlineData("t10k-images-idx3-ubyte.gz")]
    [InlineData("t10k-labels-idx1-ubyte.gz")]
    public void Load_OneFileMissing_ThrowsNamingThatFile(string missingFile)
    {
        using var temp = new IdxTestFiles();
        foreach (string name in FashionMnist.FileNames.Where(name => name != missingFile))
        {
            byte[] content = name.Contains("images", StringComparison.Ordinal) ? IdxTestFiles.ImageBytes() : IdxTestFiles.LabelBytes();
            IdxTestFiles.WriteGzip(Path.Combine(temp.Directory, name), content);
        }

        var ex = Assert.Throws<DatasetNotFoundException>(() => FashionMnist.Load(new MLContext(seed: 1), temp.Directory));

        string missingPath = Path.Combine(temp.Directory, missingFile);
        Assert.Equal(missingPath, ex.FileName);
        Assert.Contains(missingPath, ex.Message);
        Assert.Contains("Data:Directory", ex.Message);
    }

    [Fact]
    public void Load_SyntheticDirectory_ReturnsBothSplits()
    {
        using var temp = new IdxTestFiles();
        foreach (string name in FashionMnist.FileNames)
        {
            byte[] content = name.Contains("images", StringComparison.Ordinal) ? IdxTestFiles.ImageBytes() : IdxTestFiles.LabelBytes();
            IdxTestFiles.WriteGzip(Path.Combine(temp.Directory, name), content);
        }

        var split = FashionMnist.Load(new MLContext(seed: 1), temp.Directory);

        Assert.Equal(IdxTestFiles.Rows * IdxTestFiles.Columns, split.FeatureCount);
        Assert.Equal(IdxTestFiles.Count, split.Train.GetRowCount());
        Assert.Equal(IdxTestFiles.Count, split.Test.GetRowCount());
    }
}

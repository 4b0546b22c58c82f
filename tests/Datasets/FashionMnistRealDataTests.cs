using System.IO.Compression;
using HybridSgd.Datasets;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Datasets;

/// <summary>The real Fashion-MNIST files embedded in the repository (data/fashion-mnist), read through IDataView cursors.</summary>
public sealed class FashionMnistRealDataTests
{
    private readonly string _directory = DatasetLocator.ResolveFashionMnistDirectory(null);
    private readonly FashionMnistSplit _split;

    public FashionMnistRealDataTests() => _split = FashionMnist.Load(new MLContext(seed: 1), _directory);

    [Fact]
    public void Load_ReportsShapeAndClassesFromHeaders()
    {
        Assert.Equal(784, _split.FeatureCount);
        Assert.Equal(10, _split.ClassCount);
        Assert.Equal(FashionMnist.ClassNames, _split.ClassNames);
        Assert.Equal(60000, _split.Train.GetRowCount());
        Assert.Equal(10000, _split.Test.GetRowCount());
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 784), _split.Train.Schema[FashionMnist.FeaturesColumnName].Type);
        Assert.Equal(new KeyDataViewType(typeof(uint), 10), _split.Test.Schema[FashionMnist.LabelColumnName].Type);
    }

    [Fact]
    public void Train_AllRowsHave784PixelsInUnitRange()
    {
        var (rows, min, max, _) = Scan(_split.Train);

        Assert.Equal(60000, rows);
        Assert.Equal(0f, min);
        Assert.Equal(1f, max);
    }

    [Fact]
    public void Test_EveryClassOccursExactlyOneThousandTimes()
    {
        var (rows, min, max, perClass) = Scan(_split.Test);

        Assert.Equal(10000, rows);
        Assert.True(min >= 0f && max <= 1f, $"pixels in [{min}, {max}]");
        Assert.Equal(Enumerable.Repeat(1000, 10), perClass);
    }

    [Fact]
    public void Test_FirstLabelMatchesRawLabelsFile()
    {
        // Read the raw byte ourselves: labels start after the 8-byte header (magic, count).
        byte raw;
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(_directory, "t10k-labels-idx1-ubyte.gz")), CompressionMode.Decompress))
        {
            Span<byte> header = stackalloc byte[9];
            gzip.ReadExactly(header);
            raw = header[8];
        }

        var labelColumn = _split.Test.Schema[FashionMnist.LabelColumnName];
        using var cursor = _split.Test.GetRowCursor([labelColumn]);
        var label = cursor.GetGetter<uint>(labelColumn);
        uint key = 0;
        Assert.True(cursor.MoveNext());
        label(ref key);

        Assert.Equal(raw + 1u, key);
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[raw]);
    }

    private static (long Rows, float Min, float Max, int[] PerClass) Scan(IDataView view)
    {
        var labelColumn = view.Schema[FashionMnist.LabelColumnName];
        var featuresColumn = view.Schema[FashionMnist.FeaturesColumnName];
        using var cursor = view.GetRowCursor(view.Schema);
        var label = cursor.GetGetter<uint>(labelColumn);
        var features = cursor.GetGetter<VBuffer<float>>(featuresColumn);
        uint key = 0;
        VBuffer<float> pixels = default;
        var perClass = new int[10];
        float min = float.MaxValue, max = float.MinValue;
        long rows = 0;

        while (cursor.MoveNext())
        {
            label(ref key);
            features(ref pixels);
            Assert.Equal(784, pixels.Length);
            Assert.InRange(key, 1u, 10u);
            perClass[key - 1]++;
            foreach (float value in pixels.GetValues())
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }

            rows++;
        }

        return (rows, min, max, perClass);
    }
}

using System.Collections.ObjectModel;
using Microsoft.ML;

namespace HybridSgd.Datasets;

/// <summary>
/// Loads Fashion-MNIST (Zalando's 28x28 grey-scale clothing images, 10 classes) from its four gzip'd IDX
/// files as streaming ML.NET data views.
/// </summary>
public static class FashionMnist
{
    /// <summary>The dataset's name, as used in configuration.</summary>
    public const string Name = "fashion-mnist";

    /// <summary>The number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>The label column: a <c>uint</c> key of cardinality <see cref="ClassCount"/>, class <c>c</c> stored as <c>c + 1</c>.</summary>
    public const string LabelColumnName = IdxSchema.LabelColumnName;

    /// <summary>The feature column: a known-size <c>float</c> vector of pixel / 255.</summary>
    public const string FeaturesColumnName = IdxSchema.FeaturesColumnName;

    internal const string TrainImagesFileName = "train-images-idx3-ubyte.gz";
    internal const string TrainLabelsFileName = "train-labels-idx1-ubyte.gz";
    internal const string TestImagesFileName = "t10k-images-idx3-ubyte.gz";
    internal const string TestLabelsFileName = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The class names in label order (label 0 is "T-shirt/top").</summary>
    public static IReadOnlyList<string> ClassNames { get; } = new ReadOnlyCollection<string>(
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]);

    /// <summary>The four files a Fashion-MNIST directory must hold.</summary>
    internal static IReadOnlyList<string> FileNames { get; } = new ReadOnlyCollection<string>(
        [TrainImagesFileName, TrainLabelsFileName, TestImagesFileName, TestLabelsFileName]);

    /// <summary>
    /// Validates the four files' headers in <paramref name="directory"/> and returns both splits. No pixel
    /// is read here: rows are inflated by each cursor as it goes, and a truncated file or bad label is
    /// reported (with file and row) when the cursor reaches it.
    /// </summary>
    /// <param name="mlContext">
    /// The ML.NET context the views will be used with. Taken, like ML.NET's own loaders take it, so the
    /// signature does not change when loading starts to log or to honour the context's settings.
    /// </param>
    /// <param name="directory">The folder with the four .gz files; see <see cref="DatasetLocator"/>.</param>
    /// <exception cref="DatasetNotFoundException">The directory or one of the files does not exist.</exception>
    /// <exception cref="DatasetFormatException">A header is wrong or the files disagree.</exception>
    public static FashionMnistSplit Load(MLContext mlContext, string directory)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        string root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DatasetNotFoundException(
                $"The Fashion-MNIST directory '{root}' does not exist. {DatasetLocator.FashionMnistHint}", root);
        }

        var train = new IdxDataView(RequireFile(root, TrainImagesFileName), RequireFile(root, TrainLabelsFileName), ClassNames);
        var test = new IdxDataView(RequireFile(root, TestImagesFileName), RequireFile(root, TestLabelsFileName), ClassNames);
        if (test.FeatureCount != train.FeatureCount)
        {
            throw new DatasetFormatException(
                test.ImagesPath,
                $"image shape {test.ImagesHeader.Rows}x{test.ImagesHeader.Columns} differs from the training images' " +
                $"{train.ImagesHeader.Rows}x{train.ImagesHeader.Columns} in '{train.ImagesPath}'.",
                byteOffset: 8);
        }

        return new FashionMnistSplit(train, test, train.FeatureCount, ClassCount, ClassNames);
    }

    private static string RequireFile(string directory, string fileName)
    {
        string path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            throw new DatasetNotFoundException(
                $"The Fashion-MNIST file '{path}' does not exist. {DatasetLocator.FashionMnistHint}", path);
        }

        return path;
    }
}

using System.Globalization;
using System.IO.Compression;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>
/// The small CSVs the Debian package python3-sklearn ships (iris, wine, breast cancer, Boston, diabetes), read as
/// numbers: from the installed package, else <see cref="DirectoryVariable"/>, else the repository's copies in data/sklearn. They are not user-shaped (line 1 is a count line, not a header), so <see cref="TabularFiles"/> rewrites them.
/// </summary>
internal static class SklearnData
{
    public const string SystemDirectory = "/usr/lib/python3/dist-packages/sklearn/datasets/data";
    public const string DirectoryVariable = "HYBRIDSGD_SKLEARN_DATA";

    public static string Directory { get; } = Locate();

    /// <summary>A table of features and an integer class per row, with the class names from line 1 (iris, wine, breast cancer).</summary>
    public sealed record Classification(double[][] Features, int[] Classes, string[] ClassNames);

    public static Classification Iris() => ReadClassification("iris.csv");

    public static Classification Wine() => ReadClassification("wine_data.csv");

    public static Classification BreastCancer() => ReadClassification("breast_cancer.csv");

    /// <summary>Boston house prices: line 2 is the header (13 features, then MEDV).</summary>
    public static (string[] Header, double[][] Rows) Boston()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Directory, "boston_house_prices.csv"));
        string[] header = lines[1].Split(',').Select(h => h.Trim('"')).ToArray();
        return (header, lines.Skip(2).Where(l => l.Length > 0).Select(Numbers).ToArray());
    }

    /// <summary>Diabetes: 442 rows of 10 raw (unscaled) features, and the disease progression target.</summary>
    public static (double[][] Features, double[] Target) Diabetes()
    {
        double[][] features = ReadGzipLines("diabetes_data_raw.csv.gz").Select(l => Numbers(l, ' ')).ToArray();
        double[] target = ReadGzipLines("diabetes_target.csv.gz").Select(l => Numbers(l, ' ')[0]).ToArray();
        return (features, target);
    }

    private static Classification ReadClassification(string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Directory, file));
        string[] names = lines[0].Split(',').Skip(2).ToArray();
        double[][] rows = lines.Skip(1).Where(l => l.Length > 0).Select(Numbers).ToArray();
        return new Classification(rows.Select(r => r[..^1]).ToArray(), rows.Select(r => (int)r[^1]).ToArray(), names);
    }

    private static IEnumerable<string> ReadGzipLines(string file)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(Directory, file)), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                yield return line;
            }
        }
    }

    private static double[] Numbers(string line) => Numbers(line, ',');

    private static double[] Numbers(string line, char separator)
        => line.Split(separator, StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static string Locate()
    {
        if (System.IO.Directory.Exists(SystemDirectory))
        {
            return SystemDirectory;
        }

        string? configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(configured) && System.IO.Directory.Exists(configured))
        {
            return configured;
        }

        // The repository's copies (data/sklearn), so the suite also runs where the package is not installed.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string copies = Path.Combine(directory.FullName, "data", "sklearn");
            if (File.Exists(Path.Combine(copies, "iris.csv")))
            {
                return copies;
            }
        }

        throw new InvalidOperationException(
            $"The scikit-learn sample CSVs are needed: install the Debian package python3-sklearn (it puts them in {SystemDirectory}), " +
            $"or extract it (apt-get download python3-sklearn; dpkg-deb -x) and set {DirectoryVariable} to its sklearn/datasets/data folder.");
    }
}

using System.Globalization;
using System.Text;
using HybridSgd.Datasets;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>
/// Writes the scikit-learn data as the files users bring: a header row, the label anywhere, class names as text,
/// features in very different ranges, a missing value, a text column. Every file goes into one scratch directory.
/// </summary>
internal sealed class TabularFiles : IDisposable
{
    public static readonly string[] IrisFeatureNames = ["sepal_length", "sepal_width", "petal_length", "petal_width"];

    private readonly Support.ScratchDirectory _scratch = new();

    public TabularFiles() => System.IO.Directory.CreateDirectory(_scratch.Path);

    public string Directory => _scratch.Path;

    public string PathOf(string name) => Path.Combine(_scratch.Path, name);

    /// <summary>Writes rows under a header; fields that hold the separator are quoted.</summary>
    public string Write(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, char separator = ',')
    {
        string path = PathOf(name);
        using var writer = new StreamWriter(path);
        writer.WriteLine(Join(header, separator));
        foreach (var row in rows)
        {
            writer.WriteLine(Join(row, separator));
        }

        return path;
    }

    public string WriteText(string name, string content)
    {
        string path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The first rows of the embedded Fashion-MNIST as the CSV bench/FashionMnistCsv.cs writes (label, then 784 pixel bytes).</summary>
    public string FashionMnist(string name, int rows)
    {
        var train = DenseDataset.FromDataView(HybridSgd.Datasets.FashionMnist.Load(new MLContext(0), DatasetLocator.ResolveFashionMnistDirectory(null)).Train, rows);
        var text = new StringBuilder("Label");
        for (int p = 0; p < train.FeatureCount; p++)
        {
            text.Append(",p").Append(p);
        }

        text.Append('\n');
        for (int r = 0; r < train.Count; r++)
        {
            text.Append((int)train.Labels[r]);
            foreach (float pixel in train.Row(r))
            {
                text.Append(',').Append((int)Math.Round(pixel * 255));
            }

            text.Append('\n');
        }

        return WriteText(name, text.ToString());
    }

    /// <summary>Iris with the species as text ("setosa" …) at <paramref name="labelPosition"/> among the four measurements.</summary>
    public string Iris(string name, int labelPosition = 4, char separator = ',', Func<int, bool>? rowFilter = null)
    {
        var iris = SklearnData.Iris();
        var header = IrisFeatureNames.ToList();
        header.Insert(labelPosition, "species");
        var rows = Enumerable.Range(0, iris.Classes.Length)
            .Where(i => rowFilter?.Invoke(i) ?? true)
            .Select(i =>
            {
                var fields = iris.Features[i].Select(Format).ToList();
                fields.Insert(labelPosition, iris.ClassNames[iris.Classes[i]]);
                return (IReadOnlyList<string>)fields;
            });
        return Write(name, header, rows, separator);
    }

    /// <summary>
    /// Breast cancer as a user would export it: label 'diagnosis' (0 malignant, 1 benign) first, 'mean area' in the
    /// millions (x1000), 'mean fractal dimension' in the thousandths (/10), a 'clinic' text column, and an empty field
    /// for 'mean radius' on every 97th row.
    /// </summary>
    public string BreastCancer(string name, Func<int, bool>? rowFilter = null)
    {
        var data = SklearnData.BreastCancer();
        var header = new List<string> { "diagnosis" };
        header.AddRange(Enumerable.Range(0, data.Features[0].Length).Select(BreastCancerFeature));
        header.Add("clinic");
        var rows = Enumerable.Range(0, data.Classes.Length)
            .Where(i => rowFilter?.Invoke(i) ?? true)
            .Select(i =>
            {
                var fields = new List<string> { data.Classes[i].ToString(CultureInfo.InvariantCulture) };
                for (int j = 0; j < data.Features[i].Length; j++)
                {
                    double x = data.Features[i][j] * (j == 3 ? 1000 : j == 9 ? 0.1 : 1);
                    fields.Add(j == 0 && i % 97 == 5 ? string.Empty : Format(x));
                }

                fields.Add(Clinics[i % Clinics.Length]);
                return (IReadOnlyList<string>)fields;
            });
        return Write(name, header, rows);
    }

    public static readonly string[] Clinics = ["north", "east", "south"];

    public static string BreastCancerFeature(int j) => j switch
    {
        0 => "mean radius",
        3 => "mean area",
        9 => "mean fractal dimension",
        _ => $"f{j}",
    };

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => _scratch.Dispose();

    private static string Join(IReadOnlyList<string> fields, char separator)
        => string.Join(separator, fields.Select(f => f.Contains(separator) ? $"\"{f}\"" : f));
}

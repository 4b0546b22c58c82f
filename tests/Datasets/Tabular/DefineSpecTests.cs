using System.Text.Json;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Datasets.Tabular.Text;
using HybridSgd.Datasets.Tabular.Text.Utf8;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>
/// The service's schema (<see cref="TabularDataset.DefineSpec"/>, which skips the featurized read-back and fits from a
/// cache) is the spec <c>train</c> gets from the same file: the same classes, means and scaling, and transforms that
/// featurize every row alike.
/// </summary>
public sealed class DefineSpecTests : IDisposable
{
    private readonly TabularFiles _files = new();

    public static TheoryData<string, string, FeatureNormalization> Files => new()
    {
        { "iris", "species", FeatureNormalization.MinMax },                       // plain and numeric: fitted from the byte parser
        { "iris-quoted", "species", FeatureNormalization.MinMax },                // numeric, but quoted labels: TextLoader, one pass, no cache
        { "breast-cancer", "diagnosis", FeatureNormalization.MinMax },            // a missing value in every 97th row, a text column: TextLoader, cached
        { "breast-cancer", "diagnosis", FeatureNormalization.MeanVariance },
        { "breast-cancer-numeric", "diagnosis", FeatureNormalization.MinMax },    // without the text column: the byte parser, numeric label, NaNs
        { "breast-cancer-numeric", "diagnosis", FeatureNormalization.MeanVariance },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void DefineSpec_IsTheSpecThatLoadGives(string name, string label, FeatureNormalization normalization)
    {
        string path = name switch
        {
            "iris" => _files.Iris("iris.csv"),
            "iris-quoted" => Quoted(_files.Iris("iris.csv")),
            _ => _files.BreastCancer("cancer.csv"),
        };
        var features = name == "breast-cancer-numeric" ? Enumerable.Range(0, 30).Select(TabularFiles.BreastCancerFeature).ToList() : null;
        var options = new TabularOptions { Label = label, Normalization = normalization, Features = features };

        var loaded = TabularDataset.Load(new MLContext(seed: 1), path, null, options, 0.2, seed: 3).Spec;
        var defined = TabularDataset.DefineSpec(new MLContext(seed: 1), path, options, 0.2, seed: 3);

        // The transforms are zip archives stamped with the time they were saved: compared by what they do.
        Assert.Equal(JsonSerializer.Serialize(loaded with { LabelTransform = "", FeatureTransform = "" }), JsonSerializer.Serialize(defined with { LabelTransform = "", FeatureTransform = "" }));
        var ml = new MLContext(seed: 1);
        var byLoaded = TabularDataset.LoadForScoring(ml, loaded, path, requireLabel: true);
        var byDefined = TabularDataset.LoadForScoring(ml, defined, path, requireLabel: true);
        Assert.Equal(ViewColumns.Features(byLoaded), ViewColumns.Features(byDefined));
        Assert.Equal(ViewColumns.Keys(byLoaded), ViewColumns.Keys(byDefined));
    }

    [Fact]
    public void PlainNumericFile_IsReadByTheByteParser_OtherFilesGoToTextLoader()
    {
        var ml = new MLContext(seed: 1);
        var iris = DelimitedTrainingSource.Open(ml, _files.Iris("iris.csv"), new TabularOptions { Label = "species" }, byteView: true, new ReadBuffers(), default);
        var cancer = DelimitedTrainingSource.Open(ml, _files.BreastCancer("cancer.csv"), new TabularOptions { Label = "diagnosis" }, byteView: true, new ReadBuffers(), default);

        var quoted = DelimitedTrainingSource.Open(ml, Quoted(_files.Iris("iris-q.csv")), new TabularOptions { Label = "species" }, byteView: true, new ReadBuffers(), default);

        Assert.IsType<PlainRowsView>(iris.Data);
        Assert.IsNotType<PlainRowsView>(cancer.Data); // a text column
        Assert.IsNotType<PlainRowsView>(quoted.Data); // quotes: TextLoader reads it, still as one numeric vector
        Assert.Equal(RawFeatureLayout.NumericVector, quoted.Layout);
    }

    [Fact]
    public void DefineSpec_BadLine_NamesTheLineAsLoadDoes()
    {
        string path = _files.WriteText("bad.csv", "a,b,label\n1,2,x\n3,oops,y\n4,5,x\n");
        var options = new TabularOptions { Label = "label" };

        var error = Assert.Throws<HybridSgd.Datasets.DatasetFormatException>(() => TabularDataset.DefineSpec(new MLContext(1), path, options, 0.2, seed: 1));

        Assert.Equal(3, error.Line);
    }

    /// <summary>The file with its text fields (the species) in quotes, which the byte parser leaves to TextLoader.</summary>
    private string Quoted(string path)
    {
        var lines = File.ReadAllLines(path);
        return _files.WriteText("quoted.csv", string.Join('\n', lines.Select((line, i) => i == 0 ? line : System.Text.RegularExpressions.Regex.Replace(line, "([a-z]+)", "\"$1\""))) + "\n");
    }

    public void Dispose() => _files.Dispose();
}

using HybridSgd.Datasets;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>Every bad file fails with a DatasetFormatException naming the file and the line or column, never a NaN.</summary>
public sealed class TabularBadInputTests : IDisposable
{
    private const string Header = "age,height,city,label";
    private readonly TabularFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Load_RowWithTooFewFields_ThrowsNamingLineAndCounts()
    {
        string path = Csv("a.csv", Rows(1, 55) + "60,170\n" + Rows(57, 60));

        var ex = Load(path);

        Assert.Equal(57, ex.Line);
        Assert.Contains("line 57 has 2 fields, the header has 4", ex.Message);
    }

    [Fact]
    public void Load_QuotedFieldHoldingSeparator_IsOneField()
    {
        string path = Csv("q.csv", Rows(1, 10) + "30,180,\"Paris, France\",1\n" + Rows(12, 20));

        var split = TabularDataset.Load(_ml, path, path, Options(), 0.3, 1);

        Assert.Contains("city.Paris, France", split.Spec.FeatureNames);
    }

    [Fact]
    public void Load_EmptyLines_SkippedByScanAndTextLoaderAlike()
    {
        string path = Csv("blank.csv", Rows(2, 10) + "\n\n" + Rows(13, 30));

        var split = TabularDataset.Load(_ml, path, path, Options(), 0.2, 1);

        Assert.Equal(27, split.TrainRows);
        Assert.Equal(27, ViewColumns.Keys(split.Train).Length);
        Assert.DoesNotContain(0u, ViewColumns.Keys(split.Train));
    }

    [Fact]
    public void Load_LineOfSpaces_ThrowsRatherThanReadingAnEmptyRow()
    {
        string path = Csv("spaces.csv", Rows(2, 10) + "   \n" + Rows(12, 30));

        var ex = Load(path);

        Assert.Equal(11, ex.Line);
        Assert.Contains("line 11 has 1 fields, the header has 4", ex.Message);
    }

    [Fact]
    public void Load_TextInNumericColumn_ThrowsNamingLineColumnAndValue()
    {
        string path = Csv("n.csv", Rows(2, 11) + "abc,170,Oslo,0\n" + Rows(13, 40));

        var ex = Load(path);

        Assert.Equal(12, ex.Line);
        Assert.Equal("age", ex.Column);
        Assert.Contains("line 12, column 'age': 'abc' is not a number", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Load_DecimalCommas_ThrowsSayingDecimalPoint()
    {
        string path = _files.WriteText("eu.csv", "age;height;label\n" + string.Join("", Enumerable.Range(0, 10).Select(i => $"{i},5;17{i},2;{i % 2}\n")));

        var ex = Load(path);

        Assert.Equal(2, ex.Line);
        Assert.Contains("decimal comma", ex.Message);
    }

    [Fact]
    public void Load_EmptyFile_Throws()
    {
        var ex = Load(_files.WriteText("empty.csv", string.Empty));

        Assert.Contains("empty.csv", ex.Message);
        Assert.Contains("the file is empty", ex.Message);
    }

    [Fact]
    public void Load_HeaderOnly_Throws()
    {
        var ex = Load(Csv("h.csv", string.Empty));

        Assert.Contains("header but no data rows", ex.Message);
    }

    [Fact]
    public void Load_NoSuchLabel_ThrowsListingColumns()
    {
        string path = Csv("l.csv", Rows(1, 10));

        var ex = Load(path, new TabularOptions { Label = "price" });

        Assert.Contains($"'{path}', line 1: no column 'price' (the label) in the header; columns are: age, height, city, label", ex.Message);
    }

    [Fact]
    public void Load_LinesOfGarbage_NamesTheProblemWithoutQuotingKilobytesOfIt()
    {
        // Not a table: 6,000 characters of bytes with a comma now and then, control characters among them.
        const string Junk = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789#$%&*+-/<=>?@[]^_{}~";
        string garbage = string.Concat(Enumerable.Range(0, 6000).Select(i => i % 500 == 499 ? ',' : i % 97 == 0 ? '\u0001' : Junk[i * 7 % Junk.Length]));
        string path = _files.WriteText("garbage.csv", garbage + "\n" + garbage + "\n");

        var ex = Load(path, new TabularOptions { Label = "price" });

        Assert.Contains($"'{path}', line 1: no column 'price' (the label) in the header; columns are: ", ex.Message);
        Assert.True(ex.Message.Contains("… (499 characters)", StringComparison.Ordinal), ex.Message);
        Assert.DoesNotContain('\u0001', ex.Message);
        Assert.True(ex.Message.Length < 1000, $"{ex.Message.Length} characters: {ex.Message}");
    }

    [Fact]
    public void Load_SklearnFileWithCountLineForHeader_SaysLine1IsData()
    {
        var ex = Load(Path.Combine(SklearnData.Directory, "iris.csv"), new TabularOptions { Label = "species" });

        Assert.Contains("looks like data, not a header", ex.Message);
    }

    [Fact]
    public void Load_UnknownFeature_ThrowsNamingIt()
    {
        var ex = Load(Csv("f.csv", Rows(1, 10)), new TabularOptions { Label = "label", Features = ["age", "weight"] });

        Assert.Contains("no column 'weight' (a feature)", ex.Message);
    }

    [Fact]
    public void Load_LabelWithOneValue_ThrowsNothingToLearn()
    {
        string path = Csv("one.csv", string.Join("", Enumerable.Range(0, 10).Select(i => $"{i},170,Oslo,1\n")));

        var ex = Load(path);

        Assert.Contains("label 'label' has a single value '1'", ex.Message);
        Assert.Contains("nothing to learn", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Load_BinaryAskedForThreeClasses_Throws()
    {
        var ex = Load(_files.Iris("iris.csv"), new TabularOptions { Label = "species", Task = LearningTask.Binary });

        Assert.Contains("task binary was asked for", ex.Message);
        Assert.Contains("3 distinct text values", ex.Message);
    }

    [Fact]
    public void Load_TestFileLacksFeature_ThrowsNamingTestFile()
    {
        string train = Csv("train.csv", Rows(1, 20));
        string test = _files.WriteText("test.csv", "age,label\n30,1\n");

        var ex = Load(train, test: test);

        Assert.Contains(test, ex.Message);
        Assert.Contains("no column 'height' (a feature the model needs)", ex.Message);
    }

    [Fact]
    public void Load_TestFileTextInNumericColumn_ThrowsNamingLine()
    {
        string train = Csv("train.csv", Rows(1, 20));
        string test = Csv("test.csv", Rows(1, 3) + "31,1.7O,Oslo,1\n");

        var ex = Load(train, test: test);

        Assert.Equal(test, ex.FilePath);
        Assert.Contains("line 5, column 'height': '1.7O' is not a number", ex.Message);
    }

    [Fact]
    public void Load_TestLabelNotInTraining_ThrowsNamingValueLineAndCount()
    {
        string train = _files.Iris("train.csv", rowFilter: i => i < 100);
        string test = _files.Iris("test.csv", rowFilter: i => i >= 95);

        var ex = Load(train, new TabularOptions { Label = "species" }, test);

        Assert.Contains("label 'virginica' was not in the training data (50 row(s)", ex.Message);
        Assert.Equal(7, ex.Line);
    }

    [Fact]
    public void Load_HoldoutWithClassMissingFromTrainingPart_ThrowsCountingRows()
    {
        // One 'rare' row among 40: with this seed it lands in the holdout, so training never sees it.
        string path = _files.Write(
            "rare.csv",
            ["x", "y"],
            Enumerable.Range(0, 40).Select(i => (IReadOnlyList<string>)[i.ToString(), i == 0 ? "rare" : i % 2 == 0 ? "a" : "b"]));

        var ex = Record.Exception(() => TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "y" }, 0.5, 3));

        // Whichever part the row lands in, nothing is dropped silently: either the holdout check fires or training has the class.
        if (ex is not null)
        {
            Assert.Contains("holdout", Assert.IsType<DatasetFormatException>(ex).Message);
        }
    }

    [Theory]
    [InlineData("1 1:0.5 3:abc\n", "token '3:abc': 'abc' is not a number")]
    [InlineData("1 1:0.5 x\n", "token 'x' is not index:value")]
    [InlineData("yes 1:0.5\n", "the label 'yes' is not a number")]
    [InlineData("1 a:0.5\n", "the index 'a' is not a non-negative integer")]
    public void Load_MalformedSvmLightToken_ThrowsNamingLineAndToken(string badLine, string expected)
    {
        string path = _files.WriteText("bad.svm", "0 1:1 2:2\n1 2:1\n" + badLine);

        var ex = Load(path);

        Assert.Equal(3, ex.Line);
        Assert.Contains(expected, ex.Message);
        Assert.Contains("bad.svm', line 3", ex.Message);
    }

    [Fact]
    public void Load_SvmLightTestIndexBeyondTraining_Throws()
    {
        string train = _files.WriteText("train.svm", "0 1:1 2:2\n1 2:1\n");
        string test = _files.WriteText("test.svm", "0 1:1 5:2\n");

        var ex = Load(train, test: test);

        Assert.Contains("feature index 5 is beyond the 2 features", ex.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNotFound()
    {
        string path = _files.PathOf("nope.svm");

        var ex = Assert.Throws<DatasetNotFoundException>(() => TabularDataset.Load(_ml, path, null, Options(), 0.2, 1));

        Assert.Equal(path, ex.FileName);
    }

    [Fact]
    public void Load_IdvThatIsText_ThrowsNotBinary()
    {
        string path = _files.WriteText("fake.idv", Header + "\n1,2,Oslo,0\n");

        var ex = Load(path);

        Assert.Contains("not an ML.NET binary data view (.idv) file", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    /// <summary>Why the validating scan exists: TextLoader itself turns a typo into NaN and carries on.</summary>
    [Fact]
    public void TextLoader_NonNumericField_ReadsNaNWithoutError()
    {
        string path = Csv("raw.csv", "abc,170,Oslo,1\n");

        var view = _ml.Data.LoadFromTextFile(path, [new TextLoader.Column("age", DataKind.Single, 0)], ',', hasHeader: true);

        Assert.True(float.IsNaN(view.GetColumn<float>("age").Single()));
    }

    private TabularOptions Options() => new() { Label = "label" };

    private DatasetFormatException Load(string path, TabularOptions? options = null, string? test = null)
        => Assert.Throws<DatasetFormatException>(() => TabularDataset.Load(_ml, path, test, options ?? Options(), 0.2, 1));

    private string Csv(string name, string rows) => _files.WriteText(name, Header + "\n" + rows);

    /// <summary>Data lines <paramref name="from"/> to <paramref name="to"/> (1-based file lines, the header being line 1).</summary>
    private static string Rows(int from, int to)
        => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"{20 + i},{150 + i},{(i % 3 == 0 ? "Oslo" : "Rome")},{i % 2}\n"));

    public void Dispose() => _files.Dispose();
}

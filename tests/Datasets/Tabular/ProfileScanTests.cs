using System.Text;
using System.Text.Json;
using HybridSgd.Datasets;
using HybridSgd.Datasets.Tabular;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>
/// The training file's scan from UTF-8 bytes (plain lines counted in parallel, the rest through the text path in file
/// order) judges a file exactly as the line-by-line text scan, which a UTF-16 file still takes: the same columns,
/// kinds, classes and task, and for a bad file the same message naming the same line.
/// </summary>
public sealed class ProfileScanTests : IDisposable
{
    private const string Header = "size,colour,weight,label";

    private readonly TabularFiles _files = new();

    public static TheoryData<string> GoodFiles => new()
    {
        // Plain lines between a quoted one, one with blanks around its fields, "?", "NaN", an empty field, an empty line,
        // CRLF endings, a label with a space inside, a number with an exponent and one past the fast path's range.
        "1.5,red,2e3,small one\r\n\"2\",\"blue\",3,big\r\n 3 , red ,4, small one \r\n?,blue,NaN,big\r\n\r\n5,,6,big\r\n7,red,3.4e38,small one\r\n",
        "10,a,1,x\n20,b,2,y\n30,a,3,x\n40,b,4,y\n50,a,5,x\n",
    };

    public static TheoryData<string, long> BadFiles => new()
    {
        { "1,red,2,a\n\"2\",blue,3,b\n3,red,oops,a\n4,blue,5,b\n5,red,6,a\n", 4 },         // a word in a numeric column, after a quoted line
        { "1,red,2,a\n2,blue,3\n3,red,4,a\n", 3 },                                         // a plain line one field short
        { "1,red,2,a\n2,blue,3,\n3,red,4,a\n", 3 },                                        // an empty label
        { "1,red,2,a\n2,blue,3,b\n3,red,\"4,a\n", 4 },                                     // an unclosed quote
        { "1,red,\"2,5\",a\n2,blue,\"3,5\",b\n", 2 },                                      // decimal commas
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void GoodFile_JudgedAsTheTextScanJudgesIt(string rows)
    {
        var (bytes, text) = Write(rows);

        var byBytes = Spec(bytes);
        var byText = Spec(text);

        Assert.Equal(Json(byText), Json(byBytes));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFile_SameMessageAndLineAsTheTextScan(string rows, long line)
    {
        var (bytes, text) = Write(rows);

        var byBytes = Assert.Throws<DatasetFormatException>(() => Spec(bytes));
        var byText = Assert.Throws<DatasetFormatException>(() => Spec(text));

        Assert.Equal(line, byBytes.Line);
        Assert.Equal(byText.Line, byBytes.Line);
        Assert.Equal(byText.Message.Replace(text, bytes, StringComparison.Ordinal), byBytes.Message);
    }

    public void Dispose() => _files.Dispose();

    private (string Bytes, string Text) Write(string rows)
    {
        string content = Header + "\n" + rows;
        string bytes = _files.WriteText("utf8.csv", content);
        string text = _files.PathOf("utf16.csv");
        File.WriteAllText(text, content, Encoding.Unicode); // with its byte-order mark: the text scan reads it
        return (bytes, text);
    }

    private static TabularSpec Spec(string path) =>
        TabularDataset.DefineSpec(new MLContext(seed: 1), path, new TabularOptions { Label = "label" }, 0.2, seed: 1);

    // The transforms are zip archives stamped with the time they were saved.
    private static string Json(TabularSpec spec) => JsonSerializer.Serialize(spec with { LabelTransform = "", FeatureTransform = "" });
}

using System.Globalization;
using HybridSgd.Tests.Datasets.Tabular;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Service;

/// <summary>
/// A service's directories in a scratch folder, and real data to feed it: scikit-learn's breast cancer table as a
/// user's CSV (label 'diagnosis' first, 30 measurements). Files are dropped the way the inbox rule asks: written as
/// <c>name.tmp</c>, then renamed.
/// </summary>
internal sealed class ServiceFiles : IDisposable
{
    private readonly ScratchDirectory _scratch = new();
    private static readonly Lazy<(string Header, string[] Rows)> Cancer = new(ReadCancer);

    public ServiceFiles()
    {
        Directory.CreateDirectory(Inbox);
        Directory.CreateDirectory(ModelDirectory);
    }

    public string Root => _scratch.Path;

    public string Inbox => Path.Combine(Root, "inbox");

    public string ModelDirectory => Path.Combine(Root, "model");

    public string Done => Path.Combine(Inbox, "done");

    public string Failed => Path.Combine(Inbox, "failed");

    public static string Header => Cancer.Value.Header;

    /// <summary>The 569 data rows, in the scikit-learn order.</summary>
    public static IReadOnlyList<string> Rows => Cancer.Value.Rows;

    /// <summary>Rows <paramref name="from"/>..<paramref name="to"/> (exclusive), as a complete CSV text.</summary>
    public static string Csv(int from, int to, int repeat = 1) =>
        Header + "\n" + string.Concat(Enumerable.Repeat(string.Concat(Rows.Skip(from).Take(to - from).Select(r => r + "\n")), repeat));

    /// <summary>Writes <paramref name="content"/> as <c>name.tmp</c> in the inbox, then renames it: a complete file appears at once.</summary>
    public string Drop(string name, string content)
    {
        string path = Path.Combine(Inbox, name);
        File.WriteAllText(path + ".tmp", content);
        File.Move(path + ".tmp", path);
        return path;
    }

    /// <summary>A file outside the inbox (a test file, a schema file).</summary>
    public string Write(string name, string content)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _scratch.Dispose();

    private static (string Header, string[] Rows) ReadCancer()
    {
        var data = SklearnData.BreastCancer();
        string header = "diagnosis," + string.Join(',', Enumerable.Range(0, data.Features[0].Length).Select(j => $"f{j}"));
        var rows = Enumerable.Range(0, data.Classes.Length)
            .Select(i => data.Classes[i].ToString(CultureInfo.InvariantCulture) + "," + string.Join(',', data.Features[i].Select(x => x.ToString("R", CultureInfo.InvariantCulture))))
            .ToArray();
        return (header, rows);
    }
}

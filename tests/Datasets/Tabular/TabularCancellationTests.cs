using HybridSgd.Datasets.Tabular;
using Microsoft.ML;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>
/// A stop reaches the line-by-line check of a file: a service asked to stop while it checks a file of hundreds of
/// megabytes must not finish reading it first (it would outlive the host's shutdown timeout).
/// </summary>
public sealed class TabularCancellationTests : IDisposable
{
    private readonly TabularFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("csv")]
    [InlineData("svm")]
    public void Load_Cancelled_StopsTheCheckInsteadOfReadingTheWholeFile(string format)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        string path = Write(format);

        Assert.ThrowsAny<OperationCanceledException>(
            () => TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "label" }, 0.2, 1, cancelled.Token));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("svm")]
    public void LoadForScoring_Cancelled_StopsTheCheckInsteadOfReadingTheWholeFile(string format)
    {
        string path = Write(format);
        var spec = TabularDataset.Load(_ml, path, null, new TabularOptions { Label = "label" }, 0.2, 1).Spec;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TabularDataset.LoadForScoring(_ml, spec, path, requireLabel: true, cancelled.Token));
    }

    /// <summary>10,000 rows: more than one stretch of lines between looks at the token.</summary>
    private string Write(string format) => format == "csv"
        ? _files.WriteText("big.csv", "a,b,label\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i % 7},{i % 11},{i % 2}\n")))
        : _files.WriteText("big.svm", string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i % 2} 1:{i % 7} 2:{i % 11}\n")));
}

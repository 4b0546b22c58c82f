using HybridSgd.Datasets.Tabular.Featurizing;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Tests.Datasets.Tabular;

/// <summary>ML.NET's Fit takes no token; over a <see cref="CancellableView"/> a stop still ends it, as a cancellation.</summary>
public sealed class CancellableViewTests
{
    private sealed record Row(float A, float B);

    [Fact]
    public void Fit_OverACancelledView_EndsWithOperationCanceled_AndAnUncancelledOneFits()
    {
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 5_000).Select(i => new Row(i, i % 7)));
        var estimator = ml.Transforms.Concatenate("Features", "A", "B").Append(ml.Transforms.NormalizeMinMax("Features"));

        var stopped = new CancellationToken(canceled: true);
        Assert.ThrowsAny<OperationCanceledException>(() => CancellableView.Fitting(() => estimator.Fit(new CancellableView(rows, stopped)), stopped));

        var fitted = estimator.Fit(new CancellableView(rows, CancellationToken.None));
        Assert.Equal(5_000, fitted.Transform(rows).GetColumn<float[]>("Features").Count());
    }
}

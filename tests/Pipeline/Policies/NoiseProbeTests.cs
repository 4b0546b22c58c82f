using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Pipeline.Workers;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline.Policies;

public sealed class NoiseProbeTests
{
    [Fact]
    public void Probe_RecoversTrueNormAndVariance_FromTwoBatchSizes()
    {
        // E|g_B|² = |G|² + tr(Σ)/B with |G|² = 0.5 and tr(Σ) = 80.
        var probe = new NoiseProbe(16, 0.5 + (80.0 / 16), 64, 0.5 + (80.0 / 64));

        Assert.Equal(0.5, probe.TrueSquaredNorm, 12);
        Assert.Equal(80, probe.Variance, 9);
    }

    [Fact]
    public void SplitGradient_EqualsTheWholeMinibatchGradient_AndProbesTheSameWeights()
    {
        var data = FashionMnistSubset.Load(61, 10);
        var rows = DenseDataset.FromDataView(data.Train);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(3));
        var batch = rows.Slice(0, 61); // odd: halves of 30 and 31 rows
        var kernel = model.CreateKernel();
        var whole = new float[model.ParameterCount];
        double wholeLoss = kernel.ComputeGradient(weights, batch, whole);

        var split = new float[model.ParameterCount];
        double splitLoss = new SplitGradient(64, data.FeatureCount, model.ParameterCount).Compute(kernel, weights, batch, split, out var probe);

        Assert.Equal(wholeLoss, splitLoss, 5);
        for (int i = 0; i < whole.Length; i++)
        {
            Assert.True(Math.Abs(whole[i] - split[i]) <= 1e-6f + (1e-5f * Math.Abs(whole[i])), $"parameter {i}: {whole[i]} vs {split[i]}");
        }

        Assert.Equal(61, probe.BigBatch);
        Assert.Equal(2.0 / ((1.0 / 30) + (1.0 / 31)), probe.SmallBatch, 9);
        double norm = whole.Sum(g => (double)g * g);
        Assert.Equal(norm, probe.BigSquaredNorm, 4);
        Assert.Equal(61, batch.Count); // the minibatch is handed back whole
    }

    [Fact]
    public void SplitGradient_OneRow_HasNoProbe()
    {
        var data = FashionMnistSubset.Load(1, 10);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var batch = DenseDataset.FromDataView(data.Train).Slice(0, 1);
        var gradient = new float[model.ParameterCount];

        new SplitGradient(64, data.FeatureCount, model.ParameterCount).Compute(model.CreateKernel(), new float[model.ParameterCount], batch, gradient, out var probe);

        Assert.False(probe.IsValid);
    }
}

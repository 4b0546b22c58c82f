using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class SoftmaxGradientTests
{
    [Fact]
    public void Gradient_MatchesCentralFiniteDifferences()
    {
        var data = FashionMnistSubset.Load(8, 1);
        var rows = DenseDataset.FromDataView(data.Train);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var kernel = model.CreateKernel();
        var batch = rows.Slice(0, 8);
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(3));
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] *= 20; // away from the near-uniform start, so the check sees curvature
        }

        var gradient = new float[model.ParameterCount];
        kernel.ComputeGradient(weights, batch, gradient);
        var scratch = new float[model.ParameterCount];
        var random = new Random(5);

        // Pixel weights of pixels that are non-zero in the batch, plus every bias.
        var probes = Enumerable.Range(0, 40).Select(_ => random.Next(model.ParameterCount - 10))
            .Where(i => batch.Features.Where((_, j) => j % 784 == i % 784).Any(v => v > 0.2f))
            .Concat(Enumerable.Range(model.ParameterCount - 10, 10))
            .ToList();
        Assert.True(probes.Count >= 15);
        const float step = 1e-2f;
        foreach (int i in probes)
        {
            float saved = weights[i];
            weights[i] = saved + step;
            double up = kernel.ComputeGradient(weights, batch, scratch);
            weights[i] = saved - step;
            double down = kernel.ComputeGradient(weights, batch, scratch);
            weights[i] = saved;
            double numeric = (up - down) / (2 * step);
            Assert.True(Math.Abs(numeric - gradient[i]) < 2e-3 + (0.02 * Math.Abs(numeric)), $"parameter {i}: analytic {gradient[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Loss_IsFiniteForHugeScores()
    {
        var loss = new SoftmaxCrossEntropyLoss();
        var gradient = new float[3];
        float value = loss.Evaluate([1e30f, 0f, -1e30f], 1, gradient);
        Assert.True(float.IsFinite(value));
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
    }
}

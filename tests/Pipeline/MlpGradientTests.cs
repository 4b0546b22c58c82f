using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>The MLP kernel's analytic gradient against finite differences of its own loss, on real rows.</summary>
public sealed class MlpGradientTests
{
    // Central differences in float: the error is ~ noise/(2h) + h²·f‴/6. The loss is a float computation of ~2.3
    // with rounding noise of ~1e-6 (ulp 2.4e-7, a few of them through 784-term dot products), so h = 1e-2 gives
    // ≤ 5e-5 from noise and ~2e-5 from truncation (softmax curvature, inputs ≤ 1). Observed: ≤ 1e-5.
    private const float Step = 1e-2f;
    private const double AbsoluteTolerance = 1e-4;
    private const double RelativeTolerance = 1e-3;

    [Fact]
    public void Gradient_MatchesCentralFiniteDifferences_InEveryLayer()
    {
        var (model, batch, weights) = Setup();
        var kernel = model.CreateKernel();
        var gradient = new float[model.ParameterCount];
        kernel.ComputeGradient(weights, batch, gradient);
        var scratch = new float[model.ParameterCount];
        var random = new Random(5);
        var layers = model.Layers.ToArray();
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            var probes = WeightProbes(layer, batch, l == 0, random).Take(12)
                .Concat(Enumerable.Range(0, 4).Select(_ => layer.BiasOffset + random.Next(layer.Outputs)))
                .Distinct()
                .Where(i => StaysOffReluKinks(model, weights, batch, i))
                .ToList();

            // A few probes may be dropped for crossing a kink; enough must remain for the layer to count as checked.
            Assert.True(probes.Count(i => i < layer.BiasOffset) >= 8, $"layer {l}: too few weight probes clear of ReLU kinks");
            Assert.True(probes.Count(i => i >= layer.BiasOffset) >= 2, $"layer {l}: too few bias probes clear of ReLU kinks");
            int nonTrivial = 0;
            foreach (int i in probes)
            {
                float saved = weights[i];
                weights[i] = saved + Step;
                double up = kernel.ComputeGradient(weights, batch, scratch);
                double upper = weights[i];
                weights[i] = saved - Step;
                double down = kernel.ComputeGradient(weights, batch, scratch);
                double width = upper - weights[i]; // the float steps actually taken, not 2h
                weights[i] = saved;
                double numeric = (up - down) / width;
                nonTrivial += Math.Abs(gradient[i]) > 1e-3 ? 1 : 0;
                Assert.True(
                    Math.Abs(numeric - gradient[i]) < AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric)),
                    $"layer {l} parameter {i}: analytic {gradient[i]}, numeric {numeric}");
            }

            // Guards against a check that passes because both sides are zero.
            Assert.True(nonTrivial >= 4, $"layer {l}: only {nonTrivial} probes with a gradient above 1e-3");
        }
    }

    [Fact]
    public void Loss_MatchesDoublePrecisionReference()
    {
        var (model, batch, weights) = Setup();
        double loss = model.CreateKernel().ComputeGradient(weights, batch, new float[model.ParameterCount]);

        // Float forward pass against double: 784-term dot products in float are good to ~1e-6 relative.
        var (expected, _) = MlpReference.Forward(model, weights, batch);
        Assert.Equal(expected, loss, 1e-5 * Math.Max(1, expected));
    }

    private static (MlpModel Model, Minibatch Batch, float[] Weights) Setup()
    {
        var data = FashionMnistSubset.Load(8, 1);
        var model = (MlpModel)ModelFactory.Create(ModelFactory.Mlp, data.FeatureCount, data.ClassCount, [16, 12]);
        var batch = DenseDataset.FromDataView(data.Train).Slice(0, 8);
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(3));

        // He init leaves the biases at zero, where their gradient is least typical: give them some value.
        var random = new Random(4);
        foreach (var layer in model.Layers)
        {
            for (int b = 0; b < layer.Outputs; b++)
            {
                weights[layer.BiasOffset + b] = (float)(random.NextDouble() - 0.5) * 0.2f;
            }
        }

        return (model, batch, weights);
    }

    /// <summary>Random weight indices of a layer; in the first layer only pixels lit in the batch (others have gradient 0).</summary>
    private static IEnumerable<int> WeightProbes(MlpLayer layer, Minibatch batch, bool inputLayer, Random random)
    {
        while (true)
        {
            int unit = random.Next(layer.Outputs);
            int input = random.Next(layer.Inputs);
            bool lit = Enumerable.Range(0, batch.Count).Any(r => batch.Row(r)[input] > 0.2f);
            if (!inputLayer || lit)
            {
                yield return layer.WeightOffset + (unit * layer.Inputs) + input;
            }
        }
    }

    /// <summary>
    /// Central differences are only valid where the loss is smooth: a probe counts when every ReLU is on or off
    /// alike at w − h, w and w + h (computed in double, so float noise cannot decide it).
    /// </summary>
    private static bool StaysOffReluKinks(MlpModel model, float[] weights, Minibatch batch, int index)
    {
        float saved = weights[index];
        var (_, centre) = MlpReference.Forward(model, weights, batch);
        weights[index] = saved + Step;
        var (_, up) = MlpReference.Forward(model, weights, batch);
        weights[index] = saved - Step;
        var (_, down) = MlpReference.Forward(model, weights, batch);
        weights[index] = saved;
        return MlpReference.SameReluPattern(centre, up) && MlpReference.SameReluPattern(centre, down);
    }
}

using HybridSgd.Pipeline.Models;

namespace HybridSgd.Tests.Pipeline;

/// <summary>He initialisation of <see cref="MlpModel"/>: reproducible, correctly scaled, biases zero.</summary>
public sealed class MlpInitializationTests
{
    [Fact]
    public void InitializeParameters_SameSeed_GivesIdenticalParameters()
    {
        var model = ModelFactory.Create(ModelFactory.Mlp, 784, 10, [64, 32]);
        var first = new float[model.ParameterCount];
        var second = new float[model.ParameterCount];
        var other = new float[model.ParameterCount];

        model.InitializeParameters(first, new Random(42));
        model.InitializeParameters(second, new Random(42));
        model.InitializeParameters(other, new Random(43));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void InitializeParameters_WeightsHaveHeScale_BiasesAreZero()
    {
        var model = (MlpModel)ModelFactory.Create(ModelFactory.Mlp, 784, 10, [256]);
        var parameters = new float[model.ParameterCount];
        model.InitializeParameters(parameters, new Random(1));

        foreach (var layer in model.Layers)
        {
            var weights = parameters.AsSpan(layer.WeightOffset, layer.WeightCount).ToArray();
            double mean = weights.Average(w => (double)w);
            double sd = Math.Sqrt(weights.Sum(w => (w - mean) * (w - mean)) / (weights.Length - 1));
            double expected = Math.Sqrt(2.0 / layer.Inputs);

            // The sample sd of n normals is off by ~sd/√(2n): 0.16% for 200 704 weights, 1.4% for 2 560, so 5% is
            // a loose bound that still catches a wrong fan-in (√(784/256) = 1.75×) or a uniform in place of a normal.
            Assert.InRange(sd, expected * 0.95, expected * 1.05);
            Assert.InRange(mean, -0.05 * expected, 0.05 * expected);
            Assert.All(parameters.AsSpan(layer.BiasOffset, layer.Outputs).ToArray(), b => Assert.Equal(0f, b));
        }
    }

    [Fact]
    public void InitializeParameters_WeightsAreNormal_NotJustRightlyScaled()
    {
        var model = (MlpModel)ModelFactory.Create(ModelFactory.Mlp, 784, 10, [256]);
        var parameters = new float[model.ParameterCount];
        model.InitializeParameters(parameters, new Random(1));
        var layer = model.Layers[0];
        var weights = parameters.AsSpan(layer.WeightOffset, layer.WeightCount).ToArray();
        double sd = Math.Sqrt(2.0 / layer.Inputs);

        // A normal has 68.27% of its mass within one sd and 95.45% within two; a uniform of the same sd has
        // 57.7% and 100%. With 200 704 draws the sampling error of these fractions is ~0.1%.
        double withinOne = weights.Count(w => Math.Abs(w) < sd) / (double)weights.Length;
        double withinTwo = weights.Count(w => Math.Abs(w) < 2 * sd) / (double)weights.Length;
        Assert.InRange(withinOne, 0.6827 - 0.005, 0.6827 + 0.005);
        Assert.InRange(withinTwo, 0.9545 - 0.005, 0.9545 + 0.005);
    }
}

using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>Shape, layout, factory and kernel bookkeeping of <see cref="MlpModel"/>.</summary>
public sealed class MlpModelTests
{
    [Fact]
    public void Create_Mlp_DefaultsToOneHiddenLayerOf128()
    {
        var model = ModelFactory.Create(ModelFactory.Mlp, 784, 10);

        var mlp = Assert.IsType<MlpModel>(model);
        Assert.Equal("mlp", mlp.Name);
        Assert.Equal([128], mlp.HiddenLayers);
        Assert.Equal((785 * 128) + (129 * 10), mlp.ParameterCount);
        Assert.Contains(ModelFactory.Mlp, ModelFactory.Names);
    }

    [Fact]
    public void Create_Mlp_StacksTheGivenHiddenLayers()
    {
        var model = ModelFactory.Create(ModelFactory.Mlp, 784, 10, [256, 128]);

        Assert.Equal((785 * 256) + (257 * 128) + (129 * 10), model.ParameterCount);
    }

    [Fact]
    public void Create_Softmax_IgnoresHiddenLayers()
    {
        var model = ModelFactory.Create(ModelFactory.Softmax, 784, 10, [256, 128]);

        Assert.IsType<LinearModel>(model);
        Assert.Equal(785 * 10, model.ParameterCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_NonPositiveHiddenWidth_Throws(int width)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelFactory.Create(ModelFactory.Mlp, 784, 10, [64, width]));
    }

    [Fact]
    public void Constructor_CopiesHiddenLayers_SoLaterEditsDoNotReshapeTheModel()
    {
        var hidden = new List<int> { 8 };
        var model = new MlpModel("mlp", 4, hidden, 3, new SoftmaxCrossEntropyLoss());
        int parameters = model.ParameterCount;

        hidden[0] = 100;

        Assert.Equal([8], model.HiddenLayers);
        Assert.Equal(parameters, model.ParameterCount);
    }

    [Fact]
    public void Predict_HandSetParameters_FollowTheDocumentedLayout()
    {
        var model = ModelFactory.Create(ModelFactory.Mlp, 2, 2, [2]);

        // W₁ [2 × 2] row-major, b₁, W₂ [2 × 2] row-major, b₂.
        float[] parameters = [1, 2, 3, -4, 0.5f, -0.5f, 1, -1, 2, 0.5f, 0.25f, -0.25f];
        var prediction = new float[2];
        model.CreateKernel().Predict(parameters, [1, 1], prediction);

        // z₁ = (1 + 2 + 0.5, 3 − 4 − 0.5) = (3.5, −1.5); h = (3.5, 0); scores = (3.5 + 0.25, 7 − 0.25).
        double p0 = 1 / (1 + Math.Exp(6.75 - 3.75));
        Assert.Equal(p0, prediction[0], 1e-6);
        Assert.Equal(1 - p0, prediction[1], 1e-6);
    }

    [Fact]
    public void Kernel_WithoutHiddenLayers_ComputesTheSoftmaxRegressionGradient()
    {
        var (_, batch) = Rows(8);
        var mlp = ModelFactory.Create(ModelFactory.Mlp, 784, 10, []);
        var linear = ModelFactory.Create(ModelFactory.Softmax, 784, 10);
        var weights = new float[mlp.ParameterCount];
        mlp.InitializeParameters(weights, new Random(2));
        var expected = new float[weights.Length];
        var actual = new float[weights.Length];

        double expectedLoss = linear.CreateKernel().ComputeGradient(weights, batch, expected);
        double actualLoss = mlp.CreateKernel().ComputeGradient(weights, batch, actual);

        // The same sums in another order (unit-major against row-major): a few float ulps apart.
        Assert.Equal(expectedLoss, actualLoss, 1e-5);
        AssertClose(expected, actual, 1e-6f);
    }

    [Fact]
    public void ComputeGradient_IsTheMeanOfPerExampleGradients()
    {
        var (model, dataset, batch, weights) = Setup(rows: 8);
        var kernel = model.CreateKernel();
        var whole = new float[model.ParameterCount];
        double loss = kernel.ComputeGradient(weights, batch, whole);

        var sum = new double[model.ParameterCount];
        var single = new float[model.ParameterCount];
        double lossSum = 0;
        for (int row = 0; row < batch.Count; row++)
        {
            lossSum += kernel.ComputeGradient(weights, dataset.Slice(row, 1), single);
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += single[i];
            }
        }

        Assert.Equal(lossSum / batch.Count, loss, 1e-6);
        AssertClose(sum.Select(s => (float)(s / batch.Count)).ToArray(), whole, 1e-6f);
    }

    [Fact]
    public void Kernel_ReusedAcrossBatchSizes_GivesWhatAFreshKernelGives()
    {
        var (model, dataset, _, weights) = Setup(rows: 8);
        var reused = model.CreateKernel();
        var expected = new float[model.ParameterCount];
        var actual = new float[model.ParameterCount];

        // Small, then larger (buffers grow), then small again (stale rows past Count must not leak in).
        foreach (int rows in new[] { 3, 8, 5 })
        {
            var batch = dataset.Slice(0, rows);
            double expectedLoss = model.CreateKernel().ComputeGradient(weights, batch, expected);
            double actualLoss = reused.ComputeGradient(weights, batch, actual);
            Assert.Equal(expectedLoss, actualLoss, 1e-6);
            AssertClose(expected, actual, 1e-6f);
        }
    }

    [Fact]
    public void Kernel_InSteadyState_AllocatesNothing()
    {
        var (model, _, batch, weights) = Setup(rows: 8);
        var kernel = model.CreateKernel();
        var gradient = new float[model.ParameterCount];
        var prediction = new float[model.OutputCount];
        kernel.ComputeGradient(weights, batch, gradient);
        kernel.Predict(weights, batch.Row(0), prediction);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3; i++)
        {
            kernel.ComputeGradient(weights, batch, gradient);
            kernel.Predict(weights, batch.Row(i), prediction);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Predict_AgreesWithTheLossOfAOneRowBatch()
    {
        var (model, dataset, batch, weights) = Setup(rows: 8);
        var kernel = model.CreateKernel();
        var prediction = new float[model.OutputCount];
        for (int row = 0; row < batch.Count; row++)
        {
            double loss = kernel.ComputeGradient(weights, dataset.Slice(row, 1), new float[model.ParameterCount]);
            kernel.Predict(weights, batch.Row(row), prediction);

            Assert.Equal(1f, prediction.Sum(), 1e-5);
            Assert.Equal(loss, -Math.Log(prediction[(int)batch.Labels[row]]), 1e-4);
        }
    }

    [Fact]
    public void ComputeGradient_EmptyBatch_Throws()
    {
        var (model, _, _, weights) = Setup(rows: 8);
        var empty = new Minibatch(4, 784) { Count = 0 };

        Assert.Throws<ArgumentException>(() => model.CreateKernel().ComputeGradient(weights, empty, new float[model.ParameterCount]));
    }

    private static (MlpModel Model, DenseDataset Dataset, Minibatch Batch, float[] Weights) Setup(int rows)
    {
        var (dataset, batch) = Rows(rows);
        var model = (MlpModel)ModelFactory.Create(ModelFactory.Mlp, dataset.FeatureCount, 10, [32, 16]);
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(9));
        return (model, dataset, batch, weights);
    }

    private static (DenseDataset Dataset, Minibatch Batch) Rows(int rows)
    {
        var dataset = DenseDataset.FromDataView(FashionMnistSubset.Load(rows, 1).Train);
        return (dataset, dataset.Slice(0, rows));
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(MathF.Abs(expected[i] - actual[i]) <= tolerance, $"at {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}

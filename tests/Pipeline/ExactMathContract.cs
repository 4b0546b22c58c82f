using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>
/// The contract every model must meet through the parallel schedules, on real Fashion-MNIST rows: they equal
/// the sequential loop they stand for. Each model gets a subclass.
/// </summary>
public abstract class ExactMathContract
{
    // 650 rows: not a multiple of the minibatch, so the short last minibatch and the short last round are covered.
    private const int Rows = 650;

    protected abstract IModel CreateModel(TestSplit data);

    /// <summary>The rows the contract replays: Fashion-MNIST unless the model's task needs other labels.</summary>
    protected virtual TestSplit LoadData(int rows, int testRows) => FashionMnistSubset.Load(rows, testRows);

    /// <summary>A step the model's loss takes on these rows without diverging (the contract is about equality, not speed).</summary>
    protected virtual float LearningRate => 0.1f;

    [Fact]
    public async Task Async_OneWorker_EqualsSequentialSgdWithSameBatch()
    {
        var data = LoadData(Rows, 100);
        var model = CreateModel(data);
        var options = TestOptions.Replay(TrainingMode.Async, workers: 1, batchSize: 16, epochs: 2) with { LearningRate = LearningRate };
        long rows = data.Train.GetRowCount()!.Value;

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment(), CancellationToken.None);

        var expected = SequentialSgd.Train(model, DenseDataset.FromDataView(data.Train), 16, options.LearningRate!.Value, options.L2!.Value, options.Seed, epochs: 2);
        Assert.Equal(2 * ((rows + 15) / 16), result.Statistics.Updates);

        // Same kernel maths, same minibatches, same order: only the rows' memory differs, which can at most move
        // a vectorised dot product's remainder handling. Bit-identical in practice.
        AssertClose(expected, result.Weights, tolerance: 1e-6f);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Sync_NWorkers_EqualsSequentialSgdWithNTimesLargerBatch(int workers)
    {
        var data = LoadData(Rows, 100);
        var model = CreateModel(data);
        const int batch = 16;
        long rows = data.Train.GetRowCount()!.Value;
        var options = TestOptions.Replay(TrainingMode.Sync, workers, batch) with { LearningRate = LearningRate };

        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment(), CancellationToken.None);

        var expected = SequentialSgd.Train(model, DenseDataset.FromDataView(data.Train), workers * batch, options.LearningRate!.Value, options.L2!.Value, options.Seed);
        Assert.Equal((rows + (workers * batch) - 1) / (workers * batch), result.Statistics.Updates);
        Assert.Equal(0, result.Statistics.MaxStaleness);

        // A mean of per-worker means is the union's mean summed in another order: float rounding (~1e-7 relative
        // per step) carried through 11–21 steps. For the MLP, a ReLU flipped by that rounding would need a
        // pre-activation within ~1e-6 of zero and would still move weights by less.
        AssertClose(expected, result.Weights, tolerance: 2e-5f);
    }

    [Fact]
    public async Task LocalSteps_OneWorker_EqualsSequentialSgd()
    {
        var data = LoadData(Rows, 100);
        var model = CreateModel(data);
        var options = TestOptions.Replay(TrainingMode.Async, workers: 1, batchSize: 16, epochs: 2) with { LearningRate = LearningRate };
        long minibatches = 2 * ((data.Train.GetRowCount()!.Value + 15) / 16);

        // Four local steps per message: each message's displacement, added back whole (one live worker), is the
        // worker's own walk, so the run is the sequential loop with a round trip every four minibatches.
        var result = await HybridTrainer.TrainAsync(data.InMemory, model, options, new TrainerEnvironment { LocalSteps = 4 }, CancellationToken.None);

        var expected = SequentialSgd.Train(model, DenseDataset.FromDataView(data.Train), 16, options.LearningRate!.Value, options.L2!.Value, options.Seed, epochs: 2);
        Assert.Equal((minibatches + 3) / 4, result.Statistics.Updates);
        Assert.Equal(minibatches * 16 - ((16 - (data.Train.GetRowCount()!.Value % 16)) % 16 * 2), result.Statistics.Examples);

        // start − (start − end) is end up to one rounding per message.
        AssertClose(expected, result.Weights, tolerance: 1e-5f);
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        float worst = 0;
        int at = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            float difference = MathF.Abs(expected[i] - actual[i]);
            if (difference > worst)
            {
                worst = difference;
                at = i;
            }
        }

        Assert.True(worst <= tolerance, $"weights differ by {worst} at {at} (expected {expected[Math.Max(at, 0)]}, got {actual[Math.Max(at, 0)]})");
    }
}

using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>
/// The observer's first point is of the untrained weights, though it is scored while the graph already runs (so the
/// scoring's JIT does not hold back the start of training); its last is of the final weights.
/// </summary>
public sealed class ObservationLoopTests
{
    [Fact]
    public async Task FirstObservation_IsOfTheStartingWeights_AtZeroExamples_AndTheLastOfTheFinalOnes()
    {
        var data = FashionMnistSubset.Load(1_280, 100);
        var model = ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
        var start = new float[model.ParameterCount];
        model.InitializeParameters(start, new Random(3));
        var observer = new RecordingObserver();

        var result = await HybridTrainer.TrainAsync(
            data.InMemory,
            model,
            TestOptions.Replay(TrainingMode.Async, workers: 4, batchSize: 8, epochs: 3),
            new TrainerEnvironment { Observer = observer, InitialWeights = start },
            CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        var first = observer.Calls[0];
        Assert.False(first.Final);
        Assert.Equal(0, first.Examples);
        Assert.Equal(0, first.Updates);
        Assert.Equal(start, first.Weights);
        var last = observer.Calls[^1];
        Assert.True(last.Final);
        Assert.Equal(result.Weights, last.Weights);
        Assert.Equal(3 * 1_280, last.Examples);
    }

    private sealed class RecordingObserver : ITrainingObserver
    {
        public List<(long Examples, long Updates, bool Final, float[] Weights)> Calls { get; } = [];

        public TimeSpan Interval => TimeSpan.FromMilliseconds(5);

        public void Observe(in TrainingProgress progress, ReadOnlySpan<float> weights, bool final)
        {
            lock (Calls)
            {
                Calls.Add((progress.Examples, progress.Updates, final, weights.ToArray()));
            }
        }
    }
}

using HybridSgd.Pipeline.Policies.Adaptive;

namespace HybridSgd.Tests.Pipeline.Policies;

/// <summary>The straggler judgement on its own: per-window means against their median, with hysteresis.</summary>
public sealed class WorkerPaceTests
{
    private const double Factor = 2;

    private static void Window(WorkerPace pace, params double[] secondsPerWorker)
    {
        for (int worker = 0; worker < secondsPerWorker.Length; worker++)
        {
            // Several messages a window, one of them slow: the mean is what counts.
            pace.Observe(worker, secondsPerWorker[worker] * 0.5);
            pace.Observe(worker, secondsPerWorker[worker] * 1.5);
        }

        pace.CloseWindow();
    }

    [Fact]
    public void AWorkerOverTwiceTheMedian_IsAStraggler_UntilItIsUnderThreeQuartersOfThat()
    {
        var pace = new WorkerPace(Factor);
        Window(pace, 1, 1, 1, 1);
        Assert.Equal(0, pace.Stragglers);

        Window(pace, 1, 1, 1, 2.5);
        Assert.Equal(1, pace.Stragglers);

        Window(pace, 1, 1, 1, 1.6); // under 2× but not under 1.5×: still a straggler
        Assert.Equal(1, pace.Stragglers);

        Window(pace, 1, 1, 1, 1.4);
        Assert.Equal(0, pace.Stragglers);
    }

    [Fact]
    public void AWorkerSilentForAWindow_KeepsItsJudgement()
    {
        var pace = new WorkerPace(Factor);
        Window(pace, 1, 1, 1, 3);
        Assert.Equal(1, pace.Stragglers);

        Window(pace, 1, 1, 1); // the straggler sent nothing this window
        Assert.Equal(1, pace.Stragglers);
    }

    [Fact]
    public void ManyWorkers_EvenCount_UseTheMiddlePairsMean()
    {
        // Forty workers (more than the first arrays hold): the median of 1 … 40 is 20.5, so only workers above 41 would
        // be stragglers — none; with the last at 42 it is one.
        var pace = new WorkerPace(Factor);
        var seconds = Enumerable.Range(1, 40).Select(s => (double)s).ToArray();
        Window(pace, seconds);
        Assert.Equal(0, pace.Stragglers);

        seconds[^1] = 42;
        Window(pace, seconds);
        Assert.Equal(1, pace.Stragglers);
    }

    [Fact]
    public void OneWorkerAlone_IsNeverJudged()
    {
        var pace = new WorkerPace(Factor);
        Window(pace, 5);
        Assert.Equal(0, pace.Stragglers);
    }
}

using HybridSgd.Pipeline.Policies;

namespace HybridSgd.Tests.Support;

/// <summary>
/// Feeds a policy updates of made-up measurements, as the aggregator would: each update is one gradient per
/// worker of <see cref="ExamplesPerStep"/> examples with a chosen loss, noise scale and per-worker time.
/// </summary>
internal sealed class ScriptedSignals(IThresholdPolicy policy, int workers)
{
    public const int ExamplesPerStep = 64;

    private long _examples;

    /// <summary>Worker times per message (seconds); all equal unless a test makes one slower.</summary>
    public double[] WorkSeconds { get; } = Enumerable.Repeat(0.001, workers).ToArray();

    public ThresholdDecision Last { get; private set; }

    /// <summary>Progress's denominator: examples at p = 1 (null: no horizon, p stays 0).</summary>
    public long? Horizon { get; set; }

    /// <summary>Whether p = 1 ends the run (a budget or epochs) or is a stream's ramp that training outlives.</summary>
    public bool HorizonEndsRun { get; set; } = true;

    public List<ThresholdDecision> Changes { get; } = [];

    public int Threshold => Last.Threshold;

    public ThresholdDecision Start()
    {
        Last = policy.Decide(new UpdateSignals { Workers = workers, LiveWorkers = workers, Threshold = 1 });
        return Last;
    }

    /// <summary>Examples fed so far.</summary>
    public long Examples => _examples;

    /// <summary>Updates totalling <paramref name="examples"/> examples at this loss and noise scale (B = tr Σ / |G|²).</summary>
    public void Run(long examples, double loss, double noiseScale, bool validationPlateau = false, bool validationSlowdown = false) =>
        Run(examples, _ => loss, noiseScale, validationPlateau, validationSlowdown);

    /// <summary>As above, with the loss a function of the examples fed so far (a learning curve).</summary>
    public void Run(long examples, Func<long, double> loss, double noiseScale, bool validationPlateau = false, bool validationSlowdown = false)
    {
        var gradients = new GradientSignal[workers];
        for (long done = 0; done < examples; done += workers * ExamplesPerStep)
        {
            for (int w = 0; w < workers; w++)
            {
                gradients[w] = new GradientSignal(w, ExamplesPerStep, 1, loss(_examples), 0, WorkSeconds[w], Probe(noiseScale));
            }

            _examples += workers * ExamplesPerStep;
            var decision = policy.Decide(new UpdateSignals
            {
                Workers = workers,
                LiveWorkers = workers,
                Threshold = Last.Threshold,
                Examples = _examples,
                Progress = Horizon is { } horizon ? Math.Min(1, _examples / (double)horizon) : 0,
                ProgressEndsRun = Horizon is not null && HorizonEndsRun,
                Gradients = gradients,
                ValidationPlateau = validationPlateau && done == 0,
                ValidationSlowdown = validationSlowdown && done == 0,
            });
            if (decision.Threshold != Last.Threshold)
            {
                Changes.Add(decision);
            }

            Last = decision;
        }
    }

    /// <summary>A probe whose estimates give exactly |G|² = 1 and tr Σ = <paramref name="noiseScale"/>.</summary>
    public static NoiseProbe Probe(double noiseScale) =>
        new(32, 1 + (noiseScale / 32), 64, 1 + (noiseScale / 64));
}

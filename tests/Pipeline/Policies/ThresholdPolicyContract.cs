using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Policies;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline.Policies;

/// <summary>What every threshold policy owes the aggregator, checked on the same scripted run for each.</summary>
public sealed class ThresholdPolicyContract
{
    public static TheoryData<string> Policies => new(ThresholdPolicyKinds().Select(p => p.Describe()).ToArray());

    private static IEnumerable<IThresholdPolicy> ThresholdPolicyKinds() =>
    [
        new AsynchronousPolicy(),
        new SynchronousPolicy(),
        new ConstantPolicy(3),
        new StepPolicy(0.5),
        new LinearRampPolicy(0, 0.5),
        new ExponentialRampPolicy(0.1, 0.6),
        new AdaptiveThresholdPolicy(),
    ];

    private static IThresholdPolicy Create(string name) => ThresholdPolicyKinds().Single(p => p.Describe() == name);

    [Theory]
    [MemberData(nameof(Policies))]
    public void EveryDecision_IsBetweenOneAndTheWorkers_ForAPolicyReason(string name)
    {
        foreach (var decision in Run(Create(name), workers: 4))
        {
            Assert.InRange(decision.Threshold, 1, 4);
            Assert.DoesNotContain(decision.Reason, new[] { ThresholdReason.WorkersRetired, ThresholdReason.Regroup });
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void OneWorker_IsAlwaysAsynchronous_AndSettled(string name) =>
        Assert.All(Run(Create(name), workers: 1), d => Assert.True(d is { Threshold: 1, Settled: true }, d.ToString()));

    [Theory]
    [MemberData(nameof(Policies))]
    public void SameSignals_SameDecisions(string name) =>
        Assert.Equal(Run(Create(name), workers: 4).Select(d => d.Threshold), Run(Create(name), workers: 4).Select(d => d.Threshold));

    [Theory]
    [MemberData(nameof(Policies))]
    public void BySynchronousProgress_TheDecisionIsSettled(string name)
    {
        // Progress policies settle where their schedule ends; the adaptive one at the cap its signals allow.
        var last = Run(Create(name), workers: 4)[^1];
        Assert.True(last.Settled, last.ToString());
    }

    /// <summary>A learning curve that flattens with a growing noise scale; progress runs from 0 to 1 over it.</summary>
    private static List<ThresholdDecision> Run(IThresholdPolicy policy, int workers)
    {
        var decisions = new List<ThresholdDecision>();
        var gradients = new GradientSignal[workers];
        long examples = 0;
        const long Total = 8_000_000;
        decisions.Add(policy.Decide(new UpdateSignals { Workers = workers, LiveWorkers = workers }));
        while (examples < Total)
        {
            double progress = examples / (double)Total;
            for (int w = 0; w < workers; w++)
            {
                gradients[w] = new GradientSignal(w, 64, 1, 0.3 + (2 * Math.Exp(-examples / 100_000.0)), 0, 0.001, ScriptedSignals.Probe(100 + (examples / 500.0)));
            }

            examples += 64 * workers;
            decisions.Add(policy.Decide(new UpdateSignals
            {
                Progress = Math.Min(1, progress),
                Workers = workers,
                LiveWorkers = workers,
                Threshold = decisions[^1].Threshold,
                Examples = examples,
                Gradients = gradients,
            }));
        }

        return decisions;
    }
}

namespace HybridSgd.Pipeline.Workers;

/// <summary>
/// How many minibatches one worker puts into a message, from its own measurements. When pulling weights and
/// pushing a message take far longer than computing a minibatch (a slow link), the worker takes several local SGD
/// steps per message instead of one, so that the link carries the result of more work; when the link is fast it
/// goes back to one step, a plain gradient. The target keeps communication and computation about equal per
/// message: fewer steps leave the link idle-bound, more make the workers' trajectories drift apart for little
/// gain in time. No setting: the only bound is <c>maxSteps</c>, from the data's size.
/// </summary>
internal sealed class LocalStepPlanner(int maxSteps, bool fixedSteps = false)
{
    private const double Smoothing = 0.2;

    // Change the plan only when the target moves by more than this ratio: hysteresis against noisy timings.
    private const double Hysteresis = 1.5;
    private const int MessagesBeforeFirstPlan = 3;

    private double _communicationSeconds = double.NaN;
    private double _secondsPerStep = double.NaN;
    private int _messages;

    /// <summary>Steps for the next message.</summary>
    public int Steps { get; private set; } = fixedSteps ? maxSteps : 1;

    /// <summary>Records one message: time spent pulling and pushing, and computing its <paramref name="steps"/> minibatches.</summary>
    public void Observe(double communicationSeconds, double computeSeconds, int steps)
    {
        if (fixedSteps || maxSteps <= 1 || steps <= 0 || !double.IsFinite(communicationSeconds) || !double.IsFinite(computeSeconds))
        {
            return;
        }

        double perStep = computeSeconds / steps;
        _communicationSeconds = Smooth(_communicationSeconds, communicationSeconds);
        _secondsPerStep = Smooth(_secondsPerStep, perStep);
        if (++_messages < MessagesBeforeFirstPlan)
        {
            return;
        }

        double target = _secondsPerStep > 0 ? _communicationSeconds / _secondsPerStep : maxSteps;
        int wanted = (int)Math.Clamp(Math.Round(target), 1, maxSteps);
        if (wanted >= Steps * Hysteresis || wanted * Hysteresis <= Steps)
        {
            Steps = wanted;
        }
    }

    private static double Smooth(double average, double value) =>
        double.IsNaN(average) ? value : ((1 - Smoothing) * average) + (Smoothing * value);
}

using HybridSgd.Pipeline.Policies.Adaptive;

namespace HybridSgd.Pipeline.Policies;

/// <summary>
/// k decided from what training measures, with no horizon to guess (the paper's open problem of automatic
/// threshold design). Three signals from the updates themselves:
/// <list type="bullet">
/// <item>the gradient noise scale B (McCandlish et al. 2018): while one worker's minibatch is far below B, averaging
/// k of them buys little over applying each at once, so asynchronous steps win; once B exceeds
/// <see cref="AdaptivePolicySettings.NoiseRatio"/> × k × the minibatch, gradient noise is what limits the loss and
/// averaging more gradients per update lowers it, so k rises;</item>
/// <item>plateaus of the progressive loss: a window of training that no longer improves it raises k too;</item>
/// <item>worker pace: workers much slower than the median are left out of the cap on k, so a straggler never sets
/// the pace of every round (its gradients still join updates as they arrive).</item>
/// </list>
/// Decisions are taken once per window of examples (a fraction of everything seen so far), k moves one step at a
/// time, and a raise is kept only if the next window's loss is not worse than the window before it: otherwise
/// it is undone and raises pause for a cool-down that doubles with every rollback. k falls only when the loss
/// gets worse without a raise to blame (the data changed, in a stream) and the noise scale has fallen clearly
/// below it: hysteresis against flapping. The held-out validation curve, which the run is judged by, has its own
/// say: in a run that ends at its cap (a budget or epochs, not the converged stop), when its progress slows (less
/// than the slowdown tolerance over the last half of the examples, at most once per doubling of them) k takes a step
/// at once, so k climbs while the loss still falls, as a fixed ramp would, but when this run's curve says so. When
/// the run's validation loss stops improving before k has reached the cap (a separable problem: the training loss
/// keeps falling while the held-out loss is flat), k goes to the cap at once and stays: the learning curve has the
/// last word. A run that ends at its cap (a budget or epochs it is meant to use up,
/// <see cref="UpdateSignals.ProgressEndsRun"/>) also knows where it ends: from
/// <see cref="AdaptivePolicySettings.SettleStart"/> of it k is at least a linear ramp that reaches the workers at
/// <see cref="AdaptivePolicySettings.SettleEnd"/>, so a run whose loss still falls fast (an MLP under a slow network)
/// does not end on asynchronous steps' spread. With no cap, or a converged run's cap (a safety net), the signals
/// alone decide.
/// </summary>
internal sealed class AdaptiveThresholdPolicy(AdaptivePolicySettings settings) : IThresholdPolicy
{
    private const double NoiseBackedShare = 2;
    private const int MinimumWindowsBetweenRaises = 2;
    private readonly NoiseScaleEstimate _noise = new(settings.NoiseSmoothing);
    private readonly WorkerPace _pace = new(settings.StragglerFactor);
    private readonly LossWindows _windows = new(settings.MinimumWindow, settings.WindowFraction);
    private readonly LinearRampPolicy _endFloor = new(settings.SettleStart, settings.SettleEnd);
    private int _threshold = 1;
    private int _cap = int.MaxValue;
    private int _windowsSinceChange;
    private int _cooldown;
    private bool _validationPlateau;
    private int _lastCooldown;
    private RaiseTrial? _trial;
    private long _windowExamples;
    private long _windowSteps;
    private double _examplesPerStep = double.NaN;

    public AdaptiveThresholdPolicy()
        : this(AdaptivePolicySettings.Default)
    {
    }

    public AdaptivePolicySettings Settings => settings;

    public string Describe() => "adaptive";

    public ThresholdDecision Decide(in UpdateSignals signals)
    {
        foreach (var gradient in signals.Gradients)
        {
            _noise.Observe(gradient.Noise);
            _pace.Observe(gradient.Worker, gradient.WorkSeconds);
            _windows.Add(gradient.Examples, gradient.Loss);
            _windowExamples += gradient.Examples;
            _windowSteps += gradient.Steps;
        }

        int floor = EndFloor(signals);
        if (floor > _threshold)
        {
            // The run's end is near: the floor raises k whatever the window says, and no earlier raise is on trial.
            _trial = null;
            return Change(floor, ThresholdReason.NearingEnd, Math.Min(_cap, signals.Workers));
        }

        if (signals.ValidationPlateau && !_validationPlateau)
        {
            _validationPlateau = true;
            _trial = null;
            int atCap = Math.Min(_cap, signals.Workers);
            return atCap > _threshold ? Change(atCap, ThresholdReason.ValidationPlateau, atCap) : Keep(atCap);
        }

        if (signals.ValidationSlowdown && signals.ProgressEndsRun && !_validationPlateau && _threshold < Math.Min(_cap, signals.Workers))
        {
            // The held-out loss is what the run is judged by: its slowing down is the learning curve's own call
            // to start averaging gradients, ahead of any window of the progressive loss. Only in a run that ends at
            // its cap: neither a stream's ramp, which training outlives, nor a converged run's safety-net cap takes
            // the step (why: see ConvergenceMonitor, which does not report slowdowns there either).
            _trial = null;
            return Change(_threshold + 1, ThresholdReason.ValidationSlowdown, Math.Min(_cap, signals.Workers));
        }

        if (!_windows.TryClose(signals.Examples))
        {
            return Keep(Math.Min(_cap, signals.Workers));
        }

        _pace.CloseWindow();
        int cap = _cap = Math.Max(1, signals.Workers - _pace.Stragglers);
        if (_threshold > cap)
        {
            _trial = null;
            return Change(cap, ThresholdReason.Stragglers, cap);
        }

        _examplesPerStep = _windowSteps > 0 ? _windowExamples / (double)_windowSteps : _examplesPerStep;
        _windowExamples = 0;
        _windowSteps = 0;
        _windowsSinceChange++;
        if (_trial is { } trial)
        {
            _trial = null;
            if (_windows.Last > trial.LossBefore * (1 + settings.RollbackMargin) && trial.From >= floor)
            {
                _lastCooldown = Math.Max(2, 2 * _lastCooldown);
                _cooldown = _lastCooldown;
                return Change(trial.From, ThresholdReason.Rollback, cap);
            }
        }

        if (_cooldown > 0)
        {
            _cooldown--;
        }

        double wanted = NoiseThreshold();
        // Judged at one standard error above the measured improvement: a window too short to tell a slowdown from
        // its own scatter does not count as one (see LossWindows).
        var (improvement, error) = _windows.Improvement;
        double improvementAtMost = improvement + error;
        // A plateau is a window that neither improved nor got worse (false while Previous is NaN); a window that
        // got clearly worse is a change in the data, not a reason for bigger updates.
        bool worse = _windows.Last > _windows.Previous * (1 + settings.RollbackMargin);
        bool plateau = improvementAtMost < settings.PlateauTolerance && !worse;
        if (_validationPlateau && _threshold < cap)
        {
            // Stragglers that were readmitted: the cap rose, and after a validation plateau k follows it.
            return Change(cap, ThresholdReason.ValidationPlateau, cap);
        }

        // The noise scale says whether bigger updates would be better steps; whether they are worth fewer steps per
        // second (measured: a round of four costs this 2-core machine 40 % of async's throughput) depends on how
        // much the loss still gains from many small steps. So a raise needs the progress to slow down: below the
        // plateau tolerance on its own, or below twice it when the noise scale asks for a larger k.
        bool slowing = improvementAtMost < NoiseBackedShare * settings.PlateauTolerance && !worse;
        if (_threshold < cap && _cooldown == 0 && _windowsSinceChange >= MinimumWindowsBetweenRaises && (plateau || (wanted > _threshold && slowing)))
        {
            _trial = new RaiseTrial(_threshold, _windows.Last);
            return Change(_threshold + 1, wanted > _threshold ? ThresholdReason.NoiseScale : ThresholdReason.Plateau, cap);
        }

        if (_threshold - 1 >= floor && !_validationPlateau && worse && wanted < _threshold - 1 && _windowsSinceChange >= 2)
        {
            return Change(_threshold - 1, ThresholdReason.NoiseScale, cap);
        }

        return Keep(cap);
    }

    /// <summary>The least k the run's known end allows (1 with no cap), never above the fast workers.</summary>
    private int EndFloor(in UpdateSignals signals) =>
        signals.ProgressEndsRun ? Math.Min(_endFloor.ThresholdAt(signals.Progress, signals.Workers), Math.Min(_cap, signals.Workers)) : 1;

    /// <summary>B / (ratio × examples per step), unrounded: the k the noise scale alone asks for (NaN without probes).</summary>
    private double NoiseThreshold() => _noise.Value / (settings.NoiseRatio * _examplesPerStep);

    private ThresholdDecision Keep(int cap) =>
        new(_threshold, ThresholdReason.NoiseScale, Settled(cap));

    /// <summary>At the cap, or held below it after a raise was undone: either way k stays where it is.</summary>
    private bool Settled(int cap) => _threshold >= cap || (_cooldown > 0 && _trial is null) || _validationPlateau;

    private ThresholdDecision Change(int threshold, ThresholdReason reason, int cap)
    {
        _threshold = threshold;
        _windowsSinceChange = 0;
        var evidence = ThresholdEvidence.Of(_noise.Value, _examplesPerStep, _windows.Last, _windows.Previous, cap);
        return new ThresholdDecision(threshold, reason, Settled(cap), evidence);
    }

    /// <summary>A raise on probation: undone if the next window's loss is worse than <see cref="LossBefore"/>.</summary>
    private sealed record RaiseTrial(int From, double LossBefore);
}

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// Decides whether an update may reach the weights: never a non-finite gradient or loss, and not an update
/// whose minibatch loss has exploded far above the recent typical loss (a learning rate too high for the data,
/// or a poisoned minibatch). When refusals repeat, it asks for a lower learning rate and starts measuring the
/// typical loss afresh. Used by the aggregator only, under its lock.
/// </summary>
internal sealed class DivergenceGuard
{
    // 100× the typical loss: far beyond minibatch noise (softmax log-loss moves within ~3×), yet caught long
    // before weights overflow. The floor keeps a near-zero typical loss (separable data) from making every
    // ordinary minibatch look like an explosion.
    private const double Ratio = 100;
    private const double FloorOfInitial = 0.01;
    private const int Warmup = 20;
    private const double Smoothing = 0.05;
    private const int RefusalsBeforeSlowing = 3;

    private double _typical = double.NaN;
    private double _initial = double.NaN;
    private int _accepted;
    private int _consecutiveRefusals;

    /// <summary>Why the update must be refused, or null if it may be applied.</summary>
    public string? Check(bool finiteGradient, double meanLoss)
    {
        if (!finiteGradient)
        {
            return "non-finite gradient";
        }

        if (!double.IsFinite(meanLoss))
        {
            return "non-finite loss";
        }

        double limit = Ratio * Math.Max(_typical, FloorOfInitial * _initial);
        return _accepted >= Warmup && meanLoss > limit ? $"loss {meanLoss:G4} above {limit:G4} (100× the typical)" : null;
    }

    public void Accepted(double meanLoss)
    {
        _consecutiveRefusals = 0;
        _accepted++;
        _typical = double.IsNaN(_typical) ? meanLoss : ((1 - Smoothing) * _typical) + (Smoothing * meanLoss);
        if (_accepted == Warmup)
        {
            _initial = _typical;
        }
    }

    /// <summary>Counts a refusal; true when they repeat and the learning rate should be lowered.</summary>
    public bool Refused()
    {
        if (++_consecutiveRefusals < RefusalsBeforeSlowing)
        {
            return false;
        }

        // Start over: at the lower rate the loss settles at a new level, which is then the typical one.
        _consecutiveRefusals = 0;
        _accepted = 0;
        _typical = double.NaN;
        _initial = double.NaN;
        return true;
    }
}

namespace HybridSgd.Pipeline.Aggregation;

/// <summary>
/// Decides whether an update may reach the weights: never a non-finite gradient or loss, and not an update
/// whose minibatch loss has exploded far above both the recent typical loss and the loss training started from (a
/// learning rate too high for the data, or a poisoned minibatch). When refusals repeat, it asks for a lower learning
/// rate and starts measuring the typical loss afresh. Used by the aggregator only, under its lock.
/// </summary>
internal sealed class DivergenceGuard
{
    // 100× the typical loss: far beyond minibatch noise (softmax log-loss moves within ~3×), yet caught long
    // before weights overflow. The floor is the loss the model started from: on near-separable data the typical
    // loss falls towards zero, and a small minibatch holding one misclassified row then scores hundreds of times
    // the typical loss while being exactly the gradient that bounds the weights. Refusing those (the floor was
    // 1 % of the starting loss) dropped up to 237 updates of a breast-cancer run and worsened its test log-loss;
    // a loss 100× worse than the untrained model's is an explosion whatever the data.
    private const double Ratio = 100;
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

        double limit = Ratio * Math.Max(_typical, _initial);
        return _accepted >= Warmup && meanLoss > limit ? $"loss {meanLoss:G4} above {limit:G4} (100× the typical or the starting loss)" : null;
    }

    public void Accepted(double meanLoss)
    {
        _consecutiveRefusals = 0;
        _accepted++;
        _typical = double.IsNaN(_typical) ? meanLoss : ((1 - Smoothing) * _typical) + (Smoothing * meanLoss);
        if (_accepted == Warmup && double.IsNaN(_initial))
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

        // Start over: at the lower rate the loss settles at a new level, which is then the typical one. The starting
        // loss stays: it describes the untrained model, not the rate.
        _consecutiveRefusals = 0;
        _accepted = 0;
        _typical = double.NaN;
        return true;
    }
}

using HybridSgd.Pipeline.Evaluation;

namespace HybridSgd.Host.Compare;

/// <summary>
/// When a learning curve first reached a score. The curve is sampled (every 0.5 s in the benchmarks), so the first
/// sample at or above the target is late by up to one interval, which is as large as the differences between methods
/// that are being compared; the time is read by straight-line interpolation between that sample and the one before.
/// </summary>
public static class CurveCrossing
{
    /// <summary>Seconds at which the curve crossed <paramref name="target"/>, or null if it never did.</summary>
    public static double? Seconds(IReadOnlyList<CurvePoint> curve, double target)
    {
        CurvePoint? before = null;
        foreach (var point in curve)
        {
            if (point.Score is not { } score)
            {
                continue;
            }

            if (score >= target)
            {
                return before is { Score: { } earlier } previous && earlier < score
                    ? previous.Seconds + ((target - earlier) / (score - earlier) * (point.Seconds - previous.Seconds))
                    : point.Seconds;
            }

            before = point;
        }

        return null;
    }
}

namespace HybridSgd.Pipeline.Models;

/// <summary>
/// He (Kaiming) initialisation: weights ~ N(0, 2 / fan_in), so that ReLU layers neither shrink nor blow up the
/// signal's variance from layer to layer. Normals come from Box–Muller on the caller's <see cref="Random"/>
/// (no shared generator, no cached spare sample), so one seed always gives the same parameters.
/// </summary>
internal static class MlpHeInitializer
{
    public static void Fill(Span<float> weights, int fanIn, Random random)
    {
        double sd = Math.Sqrt(2.0 / fanIn);
        for (int i = 0; i < weights.Length; i += 2)
        {
            // 1 − U lies in (0, 1], so the logarithm is finite.
            double radius = sd * Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            double angle = 2.0 * Math.PI * random.NextDouble();

            // Both values of the pair are used; an odd-length span drops the last sine.
            weights[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < weights.Length)
            {
                weights[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }
}

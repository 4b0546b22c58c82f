namespace HybridSgd.Datasets.Tabular.Featurizing;

/// <summary>
/// What ReplaceMissingValues (mean) and NormalizeMinMax learn about each slot of a feature vector, gathered in one
/// pass: the mean of the present values, their least and largest, and whether any value was missing (NaN).
/// </summary>
internal sealed class SlotStatistics
{
    private readonly double[] _sums;
    private readonly long[] _counts;
    private readonly float[] _min;
    private readonly float[] _max;

    public SlotStatistics(int slots)
    {
        _sums = new double[slots];
        _counts = new long[slots];
        _min = new float[slots];
        _max = new float[slots];
        Array.Fill(_min, float.PositiveInfinity);
        Array.Fill(_max, float.NegativeInfinity);
    }

    public int Slots => _sums.Length;

    public long Rows { get; private set; }

    public void Add(ReadOnlySpan<float> row)
    {
        if (row.Length != Slots)
        {
            throw new ArgumentException($"A row of {row.Length} values where {Slots} slots were expected.", nameof(row));
        }

        for (int i = 0; i < row.Length; i++)
        {
            float value = row[i];
            if (float.IsNaN(value))
            {
                continue;
            }

            _sums[i] += value;
            _counts[i]++;
            _min[i] = Math.Min(_min[i], value);
            _max[i] = Math.Max(_max[i], value);
        }

        Rows++;
    }

    /// <summary>Each slot's mean over its present values; NaN for a slot that had none (the transform decides then).</summary>
    public float[] Means() => OfPresent(i => (float)(_sums[i] / _counts[i]));

    /// <summary>Each slot's least present value; NaN for a slot that had none.</summary>
    public float[] Minima() => OfPresent(i => _min[i]);

    /// <summary>Each slot's largest present value; NaN for a slot that had none.</summary>
    public float[] Maxima() => OfPresent(i => _max[i]);

    /// <summary>Whether some row had no value in the slot.</summary>
    public bool HadMissing(int slot) => _counts[slot] < Rows;

    /// <summary><paramref name="statistic"/> of each slot that had a present value, NaN for one that had none.</summary>
    private float[] OfPresent(Func<int, float> statistic) =>
        Enumerable.Range(0, Slots).Select(i => _counts[i] == 0 ? float.NaN : statistic(i)).ToArray();
}

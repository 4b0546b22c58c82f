namespace HybridSgd.Pipeline.Data;

/// <summary>One epoch's rows, in the order training should see them.</summary>
internal interface IRowReader : IDisposable
{
    /// <summary>Rows left out so far (missing label, non-finite features).</summary>
    long SkippedRows { get; }

    /// <summary>Copies the next row's features and label; false when the epoch is over.</summary>
    bool TryRead(Span<float> features, out float label);
}

namespace HybridSgd.Pipeline.Data;

/// <summary>What an <see cref="IArrivingRowReader"/>'s wait ended with.</summary>
internal enum RowArrival
{
    /// <summary>A row may be read.</summary>
    Ready,

    /// <summary>None came within the batch wait: the rows held are trained on now, as a short minibatch.</summary>
    Quiet,

    /// <summary>None will come again: the epoch is over.</summary>
    Ended,
}

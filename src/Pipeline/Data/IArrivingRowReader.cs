namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Rows that arrive over time (an app writing examples into a channel) rather than lying in memory or in a file:
/// when <see cref="IRowReader.TryRead"/> finds none, the loader asks whether to wait for more, to train on the
/// partly filled minibatch it holds, or to end the epoch.
/// </summary>
internal interface IArrivingRowReader : IRowReader
{
    /// <summary>Waits until a row may be read, none will come again, or — when <paramref name="holdingRows"/> — rows stop coming for a while.</summary>
    /// <param name="holdingRows">The loader holds a partly filled minibatch, which should not wait long for the rest.</param>
    /// <param name="stop">The run is stopping (a fault elsewhere): the wait ends with an <see cref="OperationCanceledException"/>.</param>
    ValueTask<RowArrival> WaitAsync(bool holdingRows, CancellationToken stop);
}

using Microsoft.ML;

namespace HybridSgd.Pipeline.Data;

/// <summary>Training rows read from an IDataView, a cursor per epoch.</summary>
internal sealed class DataViewRows : TrainingRows
{
    private const int ShufflePoolRows = 10_000;
    private readonly MLContext _ml;
    private readonly IDataView _view;
    private readonly DataViewSchemaCheck _schema;
    private long _skipped;

    public DataViewRows(MLContext ml, IDataView view)
    {
        _ml = ml;
        _view = view;
        _schema = DataViewSchemaCheck.Check(view.Schema);
    }

    public override int FeatureCount => _schema.FeatureCount;

    public override long? Count => _view.GetRowCount();

    public override long SkippedRows => Interlocked.Read(ref _skipped);

    internal override IRowReader OpenEpoch(int epoch, bool shuffle, int seed)
    {
        int epochSeed = EpochSeed(seed, epoch);
        var view = shuffle && !_view.CanShuffle ? _ml.Data.ShuffleRows(_view, epochSeed, ShufflePoolRows, shuffleSource: false) : _view;
        var random = shuffle && _view.CanShuffle ? new Random(epochSeed) : null;
        return new CountingReader(new DataViewRowReader(view, _schema, random), this);
    }

    /// <summary>Adds the epoch's skipped rows to the source's count when the epoch is done.</summary>
    private sealed class CountingReader(DataViewRowReader reader, DataViewRows owner) : IRowReader
    {
        public long SkippedRows => reader.SkippedRows;

        public bool TryRead(Span<float> features, out float label) => reader.TryRead(features, out label);

        public void Dispose()
        {
            Interlocked.Add(ref owner._skipped, reader.SkippedRows);
            reader.Dispose();
        }
    }
}

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// Training rows held in memory. An epoch over them is a copy per row and nothing else — reading the same rows
/// through an ML.NET cache's shuffled cursor costs about half a softmax gradient per minibatch
/// (docs/BENCHMARKS.md), and the loader is a single thread feeding every worker.
/// </summary>
internal sealed class InMemoryRows(DenseDataset rows) : TrainingRows
{
    public DenseDataset Rows => rows;

    public override int FeatureCount => rows.FeatureCount;

    public override long? Count => rows.Count;

    public override long SkippedRows => rows.SkippedRows;

    internal override IRowReader OpenEpoch(int epoch, bool shuffle, int seed) =>
        DenseRowReader.Open(rows, shuffle ? new Random(EpochSeed(seed, epoch)) : null);
}

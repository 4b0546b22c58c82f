using System.Text;
using HybridSgd.Pipeline.Data;

namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>
/// Reads a CSV/TSV file for the service once, a segment at a time: each segment's lines are validated and featurized
/// in the same pass (in parallel across the cores), straight from the file's UTF-8 bytes into the segment's matrix.
/// A bad line fails the segment it is in, before any row of that segment is learned, with the message the old
/// line-by-line check gave (file, line, column). The features are those ML.NET's TextLoader and the spec's transforms
/// give, bit for bit (<see cref="FeaturePlanBuilder"/> proves it when the reader is opened).
/// </summary>
internal sealed class DelimitedSegmentReader : ISegmentReader
{
    // Rows per parallel work item: large enough to amortise scheduling, small enough to spread a segment across cores
    // and to notice a stop within a few milliseconds.
    private const int RowsPerChunk = 128;

    private readonly FeaturePlan _plan;
    private readonly string _path;
    private readonly byte _separator;
    private readonly LineSource _lines;
    private readonly CancellationToken _cancellationToken;
    private int[] _offsets = new int[1024];
    private int[] _lengths = new int[1024];
    private long[] _lineNumbers = new long[1024];

    // The segment's matrix, reused while segments keep their size and handed on to the next file's reader: the service
    // trains on a segment before it reads the next, and a fresh 31 MB array a segment (Fashion-MNIST) is large-object
    // garbage that the GC collects late and fresh memory to fault in.
    private readonly SegmentMatrixPool _matrices;
    private SegmentMatrix? _matrix;

    public DelimitedSegmentReader(FeaturePlan plan, string path, char separator, ReadBuffers buffers, CancellationToken cancellationToken)
    {
        _plan = plan;
        _matrices = buffers.Matrices;
        _path = path;
        _separator = (byte)separator;
        _cancellationToken = cancellationToken;
        _lines = new LineSource(path, buffers.Lines);

        // Line 1 is the header, already read and matched to the spec.
        _lines.Next(out _, out _, cancellationToken);
    }

    /// <summary>For tests: every line through the text path, to check the fast path against it.</summary>
    internal bool TextPathOnly { get; private set; }

    /// <summary>For tests: this reader, sending every line through the text path.</summary>
    internal DelimitedSegmentReader WithTextPathOnly()
    {
        TextPathOnly = true;
        return this;
    }

    public int FeatureCount => _plan.Width;

    public long Consumed { get; private set; }

    public bool Skip(long rows)
    {
        for (long i = 0; i < rows; i++)
        {
            // Skipped lines are not kept, so the buffer's front can be reclaimed now and then (not every line: a copy).
            if (i % 1024 == 0)
            {
                _lines.BeginBatch();
            }

            if (!NextRow(out _, out _))
            {
                return false;
            }

            Consumed++;
        }

        return true;
    }

    public DenseDataset Read(long maxRows)
    {
        _lines.BeginBatch();
        int count = 0;
        while (count < maxRows && NextRow(out int offset, out int length))
        {
            if (count == _offsets.Length)
            {
                Array.Resize(ref _offsets, count * 2);
                Array.Resize(ref _lengths, count * 2);
                Array.Resize(ref _lineNumbers, count * 2);
            }

            _offsets[count] = offset;
            _lengths[count] = length;
            _lineNumbers[count] = _lines.LineNumber;
            count++;
        }

        if (count == 0 && Consumed == 0)
        {
            throw new DatasetFormatException(_path, "the file has a header but no data rows.");
        }

        int width = _plan.Width;
        if (count == 0)
        {
            // The end of the file: nothing to parse, and no matrix to trade for an empty one (the pool keeps the full one).
            return DenseDataset.FromRows([], [], width);
        }

        if (_matrix is null || _matrix.Labels.Length != count)
        {
            if (_matrix is not null)
            {
                _matrices.Return(_matrix);
            }

            _matrix = _matrices.Rent(count, width);
        }

        var features = _matrix.Features;
        var labels = _matrix.Labels;
        var problems = new Problems();
        Parallel.For(
            0,
            (count + RowsPerChunk - 1) / RowsPerChunk,
            new ParallelOptions { CancellationToken = _cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            chunk => ParseChunk(chunk * RowsPerChunk, Math.Min(count, (chunk + 1) * RowsPerChunk), features, labels, problems));
        problems.ThrowIfAny(_path, _plan.Spec);

        Consumed += count;
        return DenseDataset.FromRows(features, labels, width);
    }

    /// <summary>Closes the file and gives the matrix back: no segment this reader returned may be used after this.</summary>
    public void Dispose()
    {
        _lines.Dispose();
        if (_matrix is not null)
        {
            _matrices.Return(_matrix);
            _matrix = null;
        }
    }

    /// <summary>The next line that is a row: TextLoader skips empty lines, so they are neither rows nor errors.</summary>
    private bool NextRow(out int offset, out int length)
    {
        while (_lines.Next(out offset, out length, _cancellationToken))
        {
            if (length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void ParseChunk(int from, int to, float[] features, float[] labels, Problems problems)
    {
        var fields = new List<string>(_plan.FieldCount);
        byte[] buffer = _lines.Buffer;
        int width = _plan.Width;
        for (int row = from; row < to && !problems.StopsBefore(row); row++)
        {
            var line = buffer.AsSpan(_offsets[row], _lengths[row]);
            var destination = features.AsSpan(row * width, width);
            if (!TextPathOnly && RowFeaturizer.TryFast(_plan, line, _separator, destination, out labels[row]))
            {
                continue;
            }

            if (TextRow(line, _lineNumbers[row], fields, destination, out labels[row]) is { } problem)
            {
                problems.Add(row, _lineNumbers[row], problem);
            }
        }
    }

    private RowProblem? TextRow(ReadOnlySpan<byte> bytes, long lineNumber, List<string> fields, Span<float> features, out float label)
    {
        label = 0;
        string line = Encoding.UTF8.GetString(bytes);
        char separator = (char)_separator;
        if (DelimitedLine.Split(line, separator, fields) is { } malformed)
        {
            return new RowProblem($"{malformed}.");
        }

        // Text values as TextLoader reads them: leading spaces kept (RowFeaturizer trims each field's end).
        DelimitedLine.Split(line.TrimEnd(' ', '\t'), separator, fields, trimFields: false);

        if (fields.Count != _plan.FieldCount)
        {
            return new RowProblem(DelimitedRows.FieldCountProblem(lineNumber, fields.Count, _plan.FieldCount, separator));
        }

        return RowFeaturizer.FromFields(_plan, fields, features, out label);
    }

    /// <summary>
    /// The problems the parallel parse met. The one reported is the one on the lowest line, as a front-to-back read
    /// would have met it first; a label the model does not know is counted in its segment and named with the count.
    /// </summary>
    private sealed class Problems
    {
        private readonly Lock _lock = new();
        private int _firstRow = int.MaxValue;
        private long _line;
        private RowProblem? _problem;
        private long _unknownLabels;

        public bool StopsBefore(int row) => Volatile.Read(ref _firstRow) < row && !(_problem?.UnknownLabel ?? false);

        public void Add(int row, long line, RowProblem problem)
        {
            lock (_lock)
            {
                if (problem.UnknownLabel)
                {
                    _unknownLabels++;
                }

                if (row < _firstRow)
                {
                    _problem = problem;
                    _line = line;
                    Volatile.Write(ref _firstRow, row);
                }
            }
        }

        public void ThrowIfAny(string path, TabularSpec spec)
        {
            if (_problem is null)
            {
                return;
            }

            string message = _problem.UnknownLabel
                ? $"label '{_problem.Message}' was not in the training data ({_unknownLabels} row(s) of this segment have a label the model " +
                  $"does not know, the first on line {_line}); the classes are: {string.Join(", ", spec.ClassNames)}."
                : _problem.Message;
            throw new DatasetFormatException(path, message, line: _line, column: _problem.Column);
        }
    }
}

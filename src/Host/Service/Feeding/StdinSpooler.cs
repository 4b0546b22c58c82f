using System.Globalization;
using System.Text;

namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// Turns CSV rows arriving on a reader (header line first) into chunk files of at most <c>rows</c> rows in the
/// spool directory, each with the header repeated, so the trainer reads them like inbox files: bounded memory, and
/// what was spooled survives a crash. A chunk is written as <c>…csv.tmp</c>, flushed to disk and then renamed, so it
/// is never seen half-written; a partial chunk is closed when no row has come for <c>flushAfter</c>, at the end of
/// the input and on stop, so slow trickles and the last rows are not left waiting.
/// </summary>
internal sealed class StdinSpooler(string spool, int rows, TimeSpan flushAfter, TimeProvider time)
{
    private readonly string _prefix = "stdin-" + time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
    private StreamWriter? _chunk;
    private string? _chunkPath;
    private int _chunkRows;
    private int _sequence;

    /// <summary>Rows spooled so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Chunk files completed so far.</summary>
    public int Chunks { get; private set; }

    /// <summary>Spools until the input ends or <paramref name="stop"/> fires; the partial chunk is closed either way.</summary>
    public async Task RunAsync(TextReader input, CancellationToken stop)
    {
        Directory.CreateDirectory(spool);
        Task<string?>? pending = null;
        try
        {
            string? header = await input.ReadLineAsync(stop).AsTask().WaitAsync(stop).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(header))
            {
                return;
            }

            while (true)
            {
                pending ??= input.ReadLineAsync(stop).AsTask();
                if (_chunk is not null && !await ArrivesInTimeAsync(pending, stop).ConfigureAwait(false))
                {
                    CloseChunk();
                    continue;
                }

                string? line = await pending.WaitAsync(stop).ConfigureAwait(false);
                pending = null;
                if (line is null)
                {
                    return;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                if (_chunk is null)
                {
                    OpenChunk(header);
                }

                await _chunk!.WriteLineAsync(line.AsMemory(), stop).ConfigureAwait(false);
                _chunkRows++;
                Rows++;
                if (_chunkRows >= rows)
                {
                    CloseChunk();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A graceful stop. A read still pending on the pipe is abandoned: it cannot be cancelled, and it ends
            // with the process. The rows already read are kept by closing the chunk below.
        }
        finally
        {
            CloseChunk();
        }
    }

    private async Task<bool> ArrivesInTimeAsync(Task<string?> pending, CancellationToken stop)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var delay = Task.Delay(flushAfter, time, wait.Token);
        var first = await Task.WhenAny(pending, delay).ConfigureAwait(false);
        await wait.CancelAsync().ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
        return first == pending;
    }

    private void OpenChunk(string header)
    {
        _sequence++;
        _chunkPath = Path.Combine(spool, string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{_sequence:D6}.csv"));
        var stream = new FileStream(_chunkPath + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None);
        _chunk = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _chunk.WriteLine(header);
        _chunkRows = 0;
    }

    private void CloseChunk()
    {
        if (_chunk is null)
        {
            return;
        }

        _chunk.Flush();
        ((FileStream)_chunk.BaseStream).Flush(flushToDisk: true);
        _chunk.Dispose();
        _chunk = null;
        File.Move(_chunkPath + ".tmp", _chunkPath!);
        Chunks++;
    }
}

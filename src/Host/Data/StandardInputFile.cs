using System.Text;

namespace HybridSgd.Host.Data;

/// <summary>
/// <c>train --train -</c>: the CSV rows arriving on standard input (header first) are copied line by line into a
/// file in the output directory, which is then read like any training file. <c>train</c> makes several passes and
/// a holdout, so it needs the whole data; the copy keeps memory to one line whatever the size of the stream.
/// </summary>
internal static class StandardInputFile
{
    public const string Marker = "-";
    public const string FileName = "stdin.csv";

    public static async Task<string> CopyAsync(TextReader input, string directory, CancellationToken stop)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(Path.GetFullPath(directory), FileName);
        await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            while (await input.ReadLineAsync(stop).ConfigureAwait(false) is { } line)
            {
                await writer.WriteLineAsync(line.AsMemory(), stop).ConfigureAwait(false);
            }
        }

        return path;
    }
}

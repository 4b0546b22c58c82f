using System.Buffers.Binary;
using System.IO.Compression;

namespace HybridSgd.Tests.Datasets;

/// <summary>
/// A temporary directory with helpers that write small, hand-made IDX files (valid or broken) into it.
/// The synthetic dataset has <see cref="Count"/> 2x3 images; labels cover both ends of the range (0 and 9).
/// </summary>
internal sealed class IdxTestFiles : IDisposable
{
    public const int Count = 5;
    public const int Rows = 2;
    public const int Columns = 3;
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    public static readonly byte[] Labels = [0, 1, 2, 9, 0];

    public IdxTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "hybridsgd-datasets-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string ImagesPath => Path.Combine(Directory, "images-idx3-ubyte.gz");

    public string LabelsPath => Path.Combine(Directory, "labels-idx1-ubyte.gz");

    /// <summary>The pixel at flat index <paramref name="index"/> of image <paramref name="row"/>: covers 0 and 255.</summary>
    public static byte Pixel(int row, int index) => (byte)Math.Min(255, ((row * Rows * Columns) + index) * 9);

    /// <summary>A complete header plus <paramref name="records"/> images (default: all of them).</summary>
    public static byte[] ImageBytes(int headerCount = Count, int? records = null, int magic = ImagesMagic)
    {
        var bytes = new List<byte>();
        bytes.AddRange(BigEndian(magic, headerCount, Rows, Columns));
        for (int row = 0; row < (records ?? headerCount); row++)
        {
            for (int i = 0; i < Rows * Columns; i++)
            {
                bytes.Add(Pixel(row, i));
            }
        }

        return [.. bytes];
    }

    public static byte[] LabelBytes(byte[]? labels = null, int? headerCount = null, int magic = LabelsMagic)
    {
        labels ??= Labels;
        return [.. BigEndian(magic, headerCount ?? labels.Length), .. labels];
    }

    public static byte[] BigEndian(params int[] values)
    {
        var bytes = new byte[values.Length * sizeof(int)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(i * sizeof(int)), values[i]);
        }

        return bytes;
    }

    /// <summary>Writes a valid synthetic pair and returns this, for chaining.</summary>
    public IdxTestFiles WriteValid()
    {
        WriteGzip(ImagesPath, ImageBytes());
        WriteGzip(LabelsPath, LabelBytes());
        return this;
    }

    public static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

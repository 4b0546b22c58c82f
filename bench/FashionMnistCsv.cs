// Writes Fashion-MNIST's training split (data/fashion-mnist, gzip IDX) as a CSV a user could feed to `serve`:
// a header "Label,p0,...,p783", then one row per image (the class 0-9, then the 784 pixel bytes). For
// bench/service-memory.sh only; not part of the hybridsgd command line.
// Usage: dotnet run bench/FashionMnistCsv.cs -- data/fashion-mnist out.csv
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

string directory = args.Length > 0 ? args[0] : "data/fashion-mnist";
string output = args.Length > 1 ? args[1] : "fashion-mnist-train.csv";
byte[] images = ReadIdx(Path.Combine(directory, "train-images-idx3-ubyte.gz"), 0x0803, out int count, out int width);
byte[] labels = ReadIdx(Path.Combine(directory, "train-labels-idx1-ubyte.gz"), 0x0801, out int labelCount, out _);
if (count != labelCount)
{
    throw new InvalidDataException($"{count} images but {labelCount} labels.");
}

string temporary = output + ".tmp";
using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 20))
{
    writer.Write("Label");
    for (int p = 0; p < width; p++)
    {
        writer.Write(",p");
        writer.Write(p);
    }

    writer.WriteLine();
    for (int row = 0; row < count; row++)
    {
        writer.Write(labels[row]);
        foreach (byte pixel in images.AsSpan(row * width, width))
        {
            writer.Write(',');
            writer.Write(pixel);
        }

        writer.WriteLine();
    }
}

File.Move(temporary, output, overwrite: true);
Console.WriteLine($"{output}: {count} rows, {width} pixels each");

static byte[] ReadIdx(string path, int magic, out int count, out int width)
{
    using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var memory = new MemoryStream();
    gzip.CopyTo(memory);
    var bytes = memory.ToArray();
    if (BinaryPrimitives.ReadInt32BigEndian(bytes) != magic)
    {
        throw new InvalidDataException($"{path} is not an IDX file of the expected kind.");
    }

    int dimensions = magic & 0xFF;
    count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
    width = 1;
    for (int d = 1; d < dimensions; d++)
    {
        width *= BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + (4 * d)));
    }

    return bytes[(4 + (4 * dimensions))..];
}

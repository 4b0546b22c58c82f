using System.Runtime.InteropServices;

namespace HybridSgd.Cluster.Contracts;

/// <summary>
/// Float32 vectors as the bytes that cross the wire. Orleans writes a <c>byte[]</c> as one length-prefixed block
/// (a copy, no per-element work), while a <c>float[]</c> goes through its generic array codec element by element;
/// gradients and weights are the whole of a job's traffic, so they travel as bytes.
/// </summary>
public static class FloatPayload
{
    /// <summary>The little-endian float32 bytes of <paramref name="values"/> (a copy: the caller may reuse its buffer).</summary>
    public static byte[] Encode(ReadOnlySpan<float> values)
    {
        RequireLittleEndian();
        return MemoryMarshal.AsBytes(values).ToArray();
    }

    /// <summary>The floats of <paramref name="bytes"/>, read in place.</summary>
    public static ReadOnlySpan<float> View(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        RequireLittleEndian();
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new ArgumentException($"A float32 payload has a multiple of 4 bytes; this one has {bytes.Length}.", nameof(bytes));
        }

        return MemoryMarshal.Cast<byte, float>(bytes);
    }

    /// <summary>The floats of <paramref name="bytes"/> in a new array.</summary>
    public static float[] Decode(byte[] bytes) => View(bytes).ToArray();

    // The wire format is little-endian float32; a big-endian host would need a byte swap that nothing here does.
    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("HybridSgd's cluster wire format is little-endian float32.");
        }
    }
}

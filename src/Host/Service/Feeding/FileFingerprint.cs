using System.Security.Cryptography;

namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// Recognises a fed file after a restart: SHA-256 of its first 64 KiB (hex). With the length it tells "the same
/// file, partly trained on" from "a new file that reuses the name" without reading the whole file.
/// </summary>
internal static class FileFingerprint
{
    private const int PrefixBytes = 64 * 1024;

    /// <param name="length">
    /// Hash at most this many bytes: a file's length when it was fingerprinted, so that the same file with rows
    /// appended since still has the fingerprint it had then.
    /// </param>
    public static string Of(string path, long length = long.MaxValue)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[(int)Math.Min(PrefixBytes, Math.Max(0, length))];
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Convert.ToHexString(SHA256.HashData(buffer.AsSpan(0, read)));
    }
}

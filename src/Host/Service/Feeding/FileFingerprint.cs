using System.Security.Cryptography;

namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// Recognises a fed file after a restart: SHA-256 of its first 64 KiB (hex). With the length it tells "the same
/// file, partly trained on" from "a new file that reuses the name" without reading the whole file.
/// </summary>
internal static class FileFingerprint
{
    private const int PrefixBytes = 64 * 1024;

    public static string Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[PrefixBytes];
        int read = stream.ReadAtLeast(buffer, PrefixBytes, throwOnEndOfStream: false);
        return Convert.ToHexString(SHA256.HashData(buffer.AsSpan(0, read)));
    }
}

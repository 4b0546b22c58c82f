using System.Globalization;
using System.Text;

namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// Where a handled file goes: an inbox file to <c>done/</c> (or <c>failed/</c> with <c>&lt;name&gt;.error.txt</c>
/// saying why), a standard-input chunk is deleted once trained on (its rows exist nowhere else, but the checkpoint
/// now holds what was learned from them; a failed chunk is kept in <c>failed/</c> like a file).
/// </summary>
internal static class FileDisposition
{
    public const string DoneDirectory = "done";
    public const string FailedDirectory = "failed";

    public static void Done(FeedFile file)
    {
        if (!File.Exists(file.Path))
        {
            return;
        }

        if (file.FromSpool)
        {
            File.Delete(file.Path);
            return;
        }

        File.Move(file.Path, FreeName(Path.Combine(Path.GetDirectoryName(file.Path)!, DoneDirectory), file.Name));
    }

    /// <returns>The path the file now has in failed/.</returns>
    public static string Failed(FeedFile file, string reason)
    {
        string failed = Path.Combine(Path.GetDirectoryName(file.Path)!, FailedDirectory);
        string target = FreeName(failed, file.Name);
        if (File.Exists(file.Path))
        {
            File.Move(file.Path, target);
        }

        File.WriteAllText(target + ".error.txt", reason + Environment.NewLine, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return target;
    }

    /// <summary>
    /// <paramref name="name"/> in <paramref name="directory"/>, or <c>stem-2.ext</c>, <c>stem-3.ext</c>… when a file
    /// of that name was handled before: feeding the same name twice must not overwrite the first.
    /// </summary>
    private static string FreeName(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        string candidate = Path.Combine(directory, name);
        string stem = Path.GetFileNameWithoutExtension(name);
        string extension = Path.GetExtension(name);
        for (int n = 2; File.Exists(candidate); n++)
        {
            candidate = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}{extension}"));
        }

        return candidate;
    }
}

namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// The inbox rule: only names ending in a data extension are read, so a writer writes <c>x.csv.tmp</c> (or any other
/// name) and renames it to <c>x.csv</c> when it is complete; dot-files and sub-directories are never read.
/// </summary>
internal static class FeedNames
{
    public static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".svm", ".svmlight", ".libsvm"];

    public static bool IsData(string path)
    {
        string name = Path.GetFileName(path);
        return !name.StartsWith('.') && Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }
}

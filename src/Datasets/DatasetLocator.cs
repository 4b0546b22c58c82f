namespace HybridSgd.Datasets;

/// <summary>Finds the directory a dataset lives in. It only resolves paths; loading is the dataset's job.</summary>
public static class DatasetLocator
{
    /// <summary>The configuration key that names the dataset directory.</summary>
    public const string DirectoryConfigurationKey = "Data:Directory";

    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string FashionMnistSystemDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The repository-relative folder that holds the embedded copy.</summary>
    internal static readonly string FashionMnistRelativeDirectory = Path.Combine("data", FashionMnist.Name);

    /// <summary>How to fix a missing dataset; appended to every not-found message.</summary>
    internal const string FashionMnistHint =
        $"Set the configuration key '{DirectoryConfigurationKey}' to a directory holding the four Fashion-MNIST " +
        $".gz files, or install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist), " +
        $"which puts them in {FashionMnistSystemDirectory}.";

    /// <summary>
    /// Resolves the Fashion-MNIST directory. A non-empty <paramref name="configuredDirectory"/> wins (relative
    /// paths are taken against the current directory) and must exist. Otherwise the first directory that holds
    /// all four files among: <c>data/fashion-mnist</c> under the current directory; <c>data/fashion-mnist</c> under
    /// <see cref="AppContext.BaseDirectory"/> and each of its parents (the repository's embedded copy, found
    /// whether the program runs from the repository root or elsewhere); <see cref="FashionMnistSystemDirectory"/>.
    /// </summary>
    /// <returns>The full path of the directory.</returns>
    /// <exception cref="DatasetNotFoundException">Nothing was found; the message names where it looked.</exception>
    public static string ResolveFashionMnistDirectory(string? configuredDirectory)
        => ResolveFashionMnistDirectory(
            configuredDirectory,
            Environment.CurrentDirectory,
            AppContext.BaseDirectory,
            [FashionMnistSystemDirectory]);

    /// <summary>The same, with the process-wide inputs passed in so tests need not change them.</summary>
    internal static string ResolveFashionMnistDirectory(
        string? configuredDirectory,
        string currentDirectory,
        string baseDirectory,
        IReadOnlyList<string> systemDirectories)
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            string configured = Path.GetFullPath(configuredDirectory, currentDirectory);
            if (!Directory.Exists(configured))
            {
                throw new DatasetNotFoundException(
                    $"The configured Fashion-MNIST directory '{configured}' ({DirectoryConfigurationKey} = " +
                    $"'{configuredDirectory}') does not exist. {FashionMnistHint}",
                    configured);
            }

            return configured;
        }

        var searched = new List<string>();
        foreach (string candidate in Candidates(currentDirectory, baseDirectory, systemDirectories))
        {
            searched.Add(candidate);

            // Only a complete copy counts, so a stray empty data/fashion-mnist cannot shadow a real one further up.
            if (FashionMnist.FileNames.All(name => File.Exists(Path.Combine(candidate, name))))
            {
                return candidate;
            }
        }

        throw new DatasetNotFoundException(
            $"No Fashion-MNIST directory found; looked for the four .gz files in: {string.Join(", ", searched.Distinct())}. " +
            FashionMnistHint,
            Path.GetFullPath(FashionMnistRelativeDirectory, currentDirectory));
    }

    private static IEnumerable<string> Candidates(string currentDirectory, string baseDirectory, IReadOnlyList<string> systemDirectories)
    {
        yield return Path.GetFullPath(FashionMnistRelativeDirectory, currentDirectory);
        for (var directory = new DirectoryInfo(Path.GetFullPath(baseDirectory)); directory is not null; directory = directory.Parent)
        {
            yield return Path.Combine(directory.FullName, FashionMnistRelativeDirectory);
        }

        foreach (string systemDirectory in systemDirectories)
        {
            yield return systemDirectory;
        }
    }
}

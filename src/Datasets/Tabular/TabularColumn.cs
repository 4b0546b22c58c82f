namespace HybridSgd.Datasets.Tabular;

/// <summary>A raw column of a tabular file, by the name the file gives it.</summary>
/// <param name="Name">The header name (.csv/.tsv), the column name (.idv) or <c>Features</c> (SVMlight).</param>
/// <param name="Kind">Numeric, vector or text (text features are one-hot encoded).</param>
/// <param name="Size">The vector length for <see cref="TabularColumnKind.Vector"/>, otherwise 1.</param>
public sealed record TabularColumn(string Name, TabularColumnKind Kind, int Size = 1);

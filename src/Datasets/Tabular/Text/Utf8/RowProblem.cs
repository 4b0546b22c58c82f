namespace HybridSgd.Datasets.Tabular.Text.Utf8;

/// <summary>What is wrong with one data row: the message, the column when one is to blame, and whether it is a label the model does not know.</summary>
internal sealed record RowProblem(string Message, string? Column = null, bool UnknownLabel = false);

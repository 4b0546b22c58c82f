using HybridSgd.Pipeline.Data;

namespace HybridSgd.Datasets.Tabular.Inference;

/// <summary>Chooses the learning task from the label's values (or checks the one asked for) and says why.</summary>
internal static class TaskInference
{
    /// <summary>At most this many distinct integer values make a numeric label multiclass rather than regression.</summary>
    public const int MaxIntegerClasses = 10;

    public static (LearningTask Task, string Reason) Choose(LabelProfile label, LearningTask? requested)
    {
        string values = Describe(label);
        if (label.DistinctCount == 0)
        {
            throw new DatasetFormatException(label.Path, $"the label '{label.Name}' has no values: the file has no data rows.", column: label.Name);
        }

        if (label.DistinctCount == 1)
        {
            throw new DatasetFormatException(
                label.Path,
                $"label '{label.Name}' has a single value '{label.Examples(1)[0]}': nothing to learn; check that the label " +
                "column is the right one and that the file holds examples of at least two classes.",
                column: label.Name);
        }

        bool text = label.Kind == TabularColumnKind.Text;
        if (requested is { } task)
        {
            if (task == LearningTask.Regression && text)
            {
                throw new DatasetFormatException(
                    label.Path,
                    $"task regression was asked for, but label '{label.Name}' is text ({values}); regression needs a numeric label.",
                    column: label.Name);
            }

            if (task == LearningTask.Binary && label.DistinctCount > 2)
            {
                throw new DatasetFormatException(
                    label.Path,
                    $"task binary was asked for, but label '{label.Name}' has {values}; use multiclass, or map the label to two values.",
                    column: label.Name);
            }

            return (task, $"task {Name(task)} was asked for; label '{label.Name}' has {values}");
        }

        if (label.DistinctCount == 2)
        {
            return (LearningTask.Binary, $"label '{label.Name}' has {values} → binary");
        }

        if (text)
        {
            if (label.Overflowed)
            {
                throw new DatasetFormatException(
                    label.Path,
                    $"label '{label.Name}' is text with more than {LabelProfile.MaxDistinct} distinct values; that is too many classes. " +
                    "Check that the label column is the right one.",
                    column: label.Name);
            }

            return (LearningTask.Multiclass, $"label '{label.Name}' has {values} → multiclass");
        }

        if (label.AllIntegers && !label.Overflowed && label.DistinctCount <= MaxIntegerClasses)
        {
            return (LearningTask.Multiclass, $"label '{label.Name}' has {values}, all integers (at most {MaxIntegerClasses}) → multiclass");
        }

        string why = label.AllIntegers ? $"more than {MaxIntegerClasses} distinct integers" : "values that are not all integers";
        return (LearningTask.Regression, $"label '{label.Name}' has {values}: {why} → regression");
    }

    private static string Describe(LabelProfile label)
    {
        string kind = label.Kind == TabularColumnKind.Text ? "text" : "numeric";
        if (label.Overflowed)
        {
            return $"more than {LabelProfile.MaxDistinct} distinct {kind} values";
        }

        const int Shown = 6;
        var examples = label.Examples(Shown);
        string list = string.Join(", ", examples) + (label.DistinctCount > Shown ? ", …" : string.Empty);
        return $"{label.DistinctCount} distinct {kind} values ({list})";
    }

    private static string Name(LearningTask task) => task.ToString().ToLowerInvariant();
}

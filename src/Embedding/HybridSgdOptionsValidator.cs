using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using Microsoft.Extensions.Options;

namespace HybridSgd.Embedding;

/// <summary>Rules across the keys of <see cref="HybridSgdOptions"/>, each failure naming its key.</summary>
internal sealed class HybridSgdOptionsValidator(string section) : IValidateOptions<HybridSgdOptions>
{
    public ValidateOptionsResult Validate(string? name, HybridSgdOptions options)
    {
        var failures = new List<string>();
        if (options.Task != LearningTask.Regression && options.ClassCount < 2)
        {
            failures.Add($"{section}:ClassCount must be at least 2 for a {options.Task} label.");
        }

        if (options.Model.Length > 0 && !ModelFactory.Names.Contains(options.Model.ToLowerInvariant()))
        {
            failures.Add($"{section}:Model '{options.Model}' is not one of {string.Join(", ", ModelFactory.Names)}.");
        }

        if (options.PublishInterval.Value <= TimeSpan.Zero)
        {
            failures.Add($"{section}:PublishInterval must be positive, not {options.PublishInterval.Value}.");
        }

        if (options.CheckpointInterval.Value <= TimeSpan.Zero)
        {
            failures.Add($"{section}:CheckpointInterval must be positive, not {options.CheckpointInterval.Value}.");
        }

        if (options.BatchWait.Value < TimeSpan.Zero)
        {
            failures.Add($"{section}:BatchWait must not be negative, not {options.BatchWait.Value}.");
        }

        // The stream is one pass of one run: the training keys are checked as a one-pass run would use them.
        foreach (var failure in new TrainingOptionsValidator().Validate(name, options.Training with { Stop = StopRule.Epochs, Epochs = 1 }).Failures ?? [])
        {
            failures.Add(failure.Replace(TrainingOptions.SectionName + ":", $"{section}:{TrainingOptions.SectionName}:", StringComparison.Ordinal));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

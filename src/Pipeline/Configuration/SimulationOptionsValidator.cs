using Microsoft.Extensions.Options;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>Checks the scenario name and slowdown factors, naming the key.</summary>
public sealed class SimulationOptionsValidator : IValidateOptions<SimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        var failures = new List<string>();
        const string prefix = SimulationOptions.SectionName + ":";
        if (!Scenarios.Names.Contains(options.Scenario))
        {
            failures.Add($"{prefix}Scenario '{options.Scenario}' is not one of: {string.Join(", ", Scenarios.Names)}.");
        }

        if (options.WorkerSlowdown is { } slowdowns)
        {
            for (int i = 0; i < slowdowns.Length; i++)
            {
                if (!(slowdowns[i] >= 1 && slowdowns[i] <= 1000))
                {
                    failures.Add($"{prefix}WorkerSlowdown:{i} ({slowdowns[i]}) must be between 1 and 1000.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

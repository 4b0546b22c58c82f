using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace HybridSgd.Host.Options;

/// <summary>
/// Data-annotation validation that names each failing setting by its full configuration key
/// (e.g. "Training:Policy:RampEnd"), recursing into nested option objects.
/// </summary>
internal sealed class SectionValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Collect(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object instance, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (string member in result.MemberNames.DefaultIfEmpty(""))
            {
                failures.Add($"{path}:{member}: {result.ErrorMessage}");
            }
        }

        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = property.PropertyType;
            // Only our own option classes nest; arrays and framework types are values (and SyncRoot recurses).
            bool isOptionsClass = type.IsClass && !type.IsArray && type.Namespace?.StartsWith("HybridSgd", StringComparison.Ordinal) == true;
            if (isOptionsClass && property.GetIndexParameters().Length == 0 && property.GetValue(instance) is { } nested)
            {
                Collect(nested, $"{path}:{property.Name}", failures);
            }
        }
    }
}

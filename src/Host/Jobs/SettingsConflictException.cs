namespace HybridSgd.Host.Jobs;

/// <summary>
/// Settings that are each valid but do not work together for this verb (for example a stop rule that needs data
/// another setting removed). Reported like a bad input: one line naming the keys, exit code 1.
/// </summary>
internal sealed class SettingsConflictException(string message) : Exception(message);

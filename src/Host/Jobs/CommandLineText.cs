namespace HybridSgd.Host.Jobs;

/// <summary>The command line as typed, recorded in reports so a result says how to reproduce it.</summary>
internal sealed record CommandLineText(string Text);

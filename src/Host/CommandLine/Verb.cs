namespace HybridSgd.Host.CommandLine;

/// <summary>What <c>hybridsgd</c> runs: each verb is one job of the generic host.</summary>
internal enum Verb
{
    Train,
    Compare,
    Evaluate,
    Predict,
    Serve,
}

namespace HybridSgd.Embedding;

/// <summary>One labelled example on its way to the trainer: features in a pooled array (returned once copied).</summary>
internal readonly record struct Example(float[] Features, float Label);

using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;

namespace HybridSgd.Tests.Support;

/// <summary>The textbook loop the parallel trainer must reproduce: consecutive minibatches, one step each.</summary>
internal static class SequentialSgd
{
    public static float[] Train(IModel model, DenseDataset data, int batchSize, float learningRate, float l2, int seed, int epochs = 1)
    {
        var weights = new float[model.ParameterCount];
        model.InitializeParameters(weights, new Random(seed));
        var gradient = new float[model.ParameterCount];
        var kernel = model.CreateKernel();
        var optimizer = new SgdOptimizer(learningRate, l2);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int start = 0; start < data.Count; start += batchSize)
            {
                var batch = data.Slice(start, Math.Min(batchSize, data.Count - start));
                kernel.ComputeGradient(weights, batch, gradient);
                optimizer.Step(weights, gradient);
            }
        }

        return weights;
    }
}

using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Tests.Support;

/// <summary>
/// A real model whose kernels misbehave on chosen gradient calls (counted over all kernels, 1-based): they throw,
/// or they return a gradient full of NaN — the failures a long-running service must survive.
/// </summary>
internal sealed class FaultyKernelModel(IModel inner, IReadOnlySet<int>? throwOn = null, IReadOnlySet<int>? nanOn = null) : IModel
{
    private int _calls;

    public string Name => inner.Name;

    public LearningTask Task => inner.Task;

    public int FeatureCount => inner.FeatureCount;

    public int OutputCount => inner.OutputCount;

    public int ParameterCount => inner.ParameterCount;

    /// <summary>Kernels made so far (a replaced worker makes a new one).</summary>
    public int KernelsCreated { get; private set; }

    private bool ThrowsOn(int call) => throwOn?.Contains(call) == true;

    private bool NanOn(int call) => nanOn?.Contains(call) == true;

    public void InitializeParameters(Span<float> parameters, Random random) => inner.InitializeParameters(parameters, random);

    public IModelKernel CreateKernel()
    {
        KernelsCreated++;
        return new Kernel(this, inner.CreateKernel());
    }

    private sealed class Kernel(FaultyKernelModel owner, IModelKernel inner) : IModelKernel
    {
        public double ComputeGradient(ReadOnlySpan<float> parameters, Minibatch batch, Span<float> gradient)
        {
            int call = Interlocked.Increment(ref owner._calls);
            if (owner.ThrowsOn(call))
            {
                throw new InvalidOperationException($"injected failure at gradient call {call}");
            }

            double loss = inner.ComputeGradient(parameters, batch, gradient);
            if (owner.NanOn(call))
            {
                gradient.Fill(float.NaN);
            }

            return loss;
        }

        public void Predict(ReadOnlySpan<float> parameters, ReadOnlySpan<float> features, Span<float> prediction) =>
            inner.Predict(parameters, features, prediction);
    }
}

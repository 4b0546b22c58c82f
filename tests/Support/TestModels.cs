using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Tests.Support;

/// <summary>
/// A real model whose kernels can be made slow, or made to misbehave on chosen gradient calls (counted over all
/// kernels, 1-based): throw, or return a gradient full of NaN — the failures the graph and a long-running
/// service must survive.
/// </summary>
internal sealed class InstrumentedModel(
    IModel inner,
    TimeSpan slowKernelDelay = default,
    int failOnCall = 0,
    IReadOnlySet<int>? throwOn = null,
    IReadOnlySet<int>? nanOn = null) : IModel
{
    private int _kernels;
    private int _calls;

    public string Name => inner.Name;

    public LearningTask Task => inner.Task;

    public int FeatureCount => inner.FeatureCount;

    public int OutputCount => inner.OutputCount;

    public int ParameterCount => inner.ParameterCount;

    /// <summary>Kernels made so far (a replaced worker makes a new one).</summary>
    public int KernelsCreated => Volatile.Read(ref _kernels);

    public void InitializeParameters(Span<float> parameters, Random random) => inner.InitializeParameters(parameters, random);

    public IModelKernel CreateKernel()
    {
        // The first two kernels made are the evaluator's and one worker's (in some order): so one worker is slow.
        bool slow = Interlocked.Increment(ref _kernels) <= 2 && slowKernelDelay > TimeSpan.Zero;
        return new Kernel(this, inner.CreateKernel(), slow ? slowKernelDelay : TimeSpan.Zero);
    }

    private bool ThrowsOn(int call) => call == failOnCall || throwOn?.Contains(call) == true;

    private bool NanOn(int call) => nanOn?.Contains(call) == true;

    private sealed class Kernel(InstrumentedModel owner, IModelKernel inner, TimeSpan delay) : IModelKernel
    {
        public double ComputeGradient(ReadOnlySpan<float> parameters, Minibatch batch, Span<float> gradient)
        {
            int call = Interlocked.Increment(ref owner._calls);
            if (owner.ThrowsOn(call))
            {
                throw new InvalidOperationException($"injected failure at gradient call {call}");
            }

            if (delay > TimeSpan.Zero)
            {
                Thread.Sleep(delay);
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

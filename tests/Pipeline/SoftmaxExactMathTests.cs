using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class SoftmaxExactMathTests : ExactMathContract
{
    protected override IModel CreateModel(TestSplit data) =>
        ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
}

using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Tests.Pipeline;

public sealed class SoftmaxExactMathTests : ExactMathContract
{
    protected override IModel CreateModel(TrainingData data) =>
        ModelFactory.Create(ModelFactory.Softmax, data.FeatureCount, data.ClassCount);
}

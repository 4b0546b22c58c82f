using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;

namespace HybridSgd.Tests.Pipeline;

public sealed class MlpExactMathTests : ExactMathContract
{
    protected override IModel CreateModel(TrainingData data) =>
        ModelFactory.Create(ModelFactory.Mlp, data.FeatureCount, data.ClassCount, [32]);
}

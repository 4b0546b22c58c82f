using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class MlpExactMathTests : ExactMathContract
{
    protected override IModel CreateModel(TestSplit data) =>
        ModelFactory.Create(ModelFactory.Mlp, data.FeatureCount, data.ClassCount, [32]);
}

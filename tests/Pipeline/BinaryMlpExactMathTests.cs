using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

/// <summary>The MLP with a logistic output (binary task) meets the same contract as with softmax.</summary>
public sealed class BinaryMlpExactMathTests : ExactMathContract
{
    protected override TestSplit LoadData(int rows, int testRows) => FashionMnistFootwear.Load(rows, testRows);

    protected override IModel CreateModel(TestSplit data) =>
        ModelFactory.Create(ModelFactory.Mlp, LearningTask.Binary, data.FeatureCount, data.ClassCount, [16]);
}

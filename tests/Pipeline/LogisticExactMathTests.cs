using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class LogisticExactMathTests : ExactMathContract
{
    protected override TestSplit LoadData(int rows, int testRows) => FashionMnistFootwear.Load(rows, testRows);

    protected override IModel CreateModel(TestSplit data) =>
        ModelFactory.Create(ModelFactory.Logistic, LearningTask.Binary, data.FeatureCount, data.ClassCount);
}

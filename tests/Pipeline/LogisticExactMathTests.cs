using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Training;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class LogisticExactMathTests : ExactMathContract
{
    protected override TrainingData LoadData(int rows, int testRows) => FashionMnistFootwear.Load(rows, testRows);

    protected override IModel CreateModel(TrainingData data) =>
        ModelFactory.Create(ModelFactory.Logistic, LearningTask.Binary, data.FeatureCount, data.ClassCount);
}

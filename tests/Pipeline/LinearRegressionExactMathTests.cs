using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Tests.Support;

namespace HybridSgd.Tests.Pipeline;

public sealed class LinearRegressionExactMathTests : ExactMathContract
{
    protected override TestSplit LoadData(int rows, int testRows) => FashionMnistRegression.Load(rows, testRows);

    // Squared loss on 784 pixels: the second moment's top eigenvalue is ~111, so 0.1 would diverge.
    protected override float LearningRate => 0.005f;

    protected override IModel CreateModel(TestSplit data) =>
        ModelFactory.Create(ModelFactory.Linear, LearningTask.Regression, data.FeatureCount, 0);
}

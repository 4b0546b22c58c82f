using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Tests.Pipeline;

public sealed class ModelFactoryTests
{
    [Theory]
    [InlineData("softmax", LearningTask.Multiclass, 10)]
    [InlineData("softmax", LearningTask.Binary, 2)]
    [InlineData("logistic", LearningTask.Binary, 1)]
    [InlineData("linear", LearningTask.Regression, 1)]
    [InlineData("mlp", LearningTask.Multiclass, 10)]
    [InlineData("mlp", LearningTask.Binary, 1)]
    [InlineData("mlp", LearningTask.Regression, 1)]
    public void Create_ForTask_HasTheTasksOutputs(string name, LearningTask task, int outputs)
    {
        var model = ModelFactory.Create(name, task, featureCount: 5, classCount: task == LearningTask.Binary ? 2 : 10, [4]);

        Assert.Equal(task, model.Task);
        Assert.Equal(outputs, model.OutputCount);
    }

    [Theory]
    [InlineData("softmax", LearningTask.Regression, "for regression use linear or mlp")]
    [InlineData("logistic", LearningTask.Multiclass, "for multiclass use softmax or mlp")]
    [InlineData("linear", LearningTask.Binary, "for binary use logistic or mlp")]
    public void Create_ModelThatDoesNotSuitTheTask_SaysWhatToUse(string name, LearningTask task, string advice)
    {
        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create(name, task, 5, 3));

        Assert.Contains(advice, error.Message);
    }

    [Fact]
    public void Create_UnknownName_ListsTheKnownModels()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelFactory.Create("svm", LearningTask.Binary, 5, 2));

        Assert.Contains("softmax, logistic, linear, mlp", error.Message);
    }
}

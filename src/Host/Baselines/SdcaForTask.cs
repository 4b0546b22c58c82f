using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Host.Baselines;

/// <summary>The SDCA trainer that matches a task, and ML.NET's evaluator for its predictions.</summary>
internal sealed class SdcaForTask
{
    // ML.NET's binary trainers want a Boolean label; ours is a 2-class key (key 2 = the positive class, which a
    // row class sees as index 1: ML.NET hands key-typed properties over zero-based).
    private const string BinaryLabel = "BinaryLabel";

    private SdcaForTask(string name, IEstimator<ITransformer> trainer, Func<IDataView, int, TaskMetrics> evaluate)
    {
        Name = name;
        Trainer = trainer;
        Evaluate = evaluate;
    }

    public string Name { get; }

    public IEstimator<ITransformer> Trainer { get; }

    /// <summary>ML.NET's metrics of the trained model's output on the test rows (the row count is passed through).</summary>
    public Func<IDataView, int, TaskMetrics> Evaluate { get; }

    public static SdcaForTask Create(MLContext ml, LearningTask task) => task switch
    {
        LearningTask.Binary => new SdcaForTask(
            "SdcaLogisticRegression",
            ml.Transforms.CustomMapping<KeyLabel, BooleanLabel>((input, output) => output.BinaryLabel = input.Label == 1, contractName: null)
                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: BinaryLabel)),
            (scored, count) =>
            {
                var m = ml.BinaryClassification.Evaluate(scored, labelColumnName: BinaryLabel);
                return new TaskMetrics(count, Accuracy: m.Accuracy, LogLoss: m.LogLoss, Auc: m.AreaUnderRocCurve, F1: m.F1Score);
            }),
        LearningTask.Regression => new SdcaForTask(
            "Sdca (regression)",
            ml.Regression.Trainers.Sdca(),
            (scored, count) =>
            {
                var m = ml.Regression.Evaluate(scored);
                return new TaskMetrics(count, Rmse: m.RootMeanSquaredError, Mae: m.MeanAbsoluteError, RSquared: m.RSquared);
            }),
        _ => new SdcaForTask(
            "SdcaMaximumEntropy",
            ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(),
            (scored, count) =>
            {
                var m = ml.MulticlassClassification.Evaluate(scored);
                return new TaskMetrics(count, Accuracy: m.MicroAccuracy, MacroAccuracy: m.MacroAccuracy, LogLoss: m.LogLoss);
            }),
    };

    public sealed class KeyLabel
    {
        [KeyType(2)]
        public uint Label { get; set; }
    }

    public sealed class BooleanLabel
    {
        public bool BinaryLabel { get; set; }
    }
}

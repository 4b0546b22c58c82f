using HybridSgd.Host.Data;
using HybridSgd.Host.Options;
using HybridSgd.Host.Reports;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace HybridSgd.Host.Jobs;

/// <summary>
/// The <c>train</c> verb: load the configured data, train, then write report.json and the model file. A stop
/// request ends training gracefully and the outputs are still written.
/// </summary>
internal sealed partial class TrainJob(
    IOptions<TrainingOptions> training,
    IOptions<SimulationOptions> simulation,
    IOptions<DataOptions> data,
    IOptions<ModelOptions> model,
    IOptions<OutputOptions> output,
    ILogger<TrainJob> logger,
    TimeProvider time,
    Service.Feeding.ServiceInput input) : IJob
{
    public async Task RunAsync(CancellationToken stop)
    {
        var options = training.Value;
        var ml = new MLContext(options.Seed);
        var dataOptions = data.Value;
        if (dataOptions.Train == StandardInputFile.Marker)
        {
            using var reader = input.Open();
            string copy = await StandardInputFile.CopyAsync(reader, output.Value.Directory, stop).ConfigureAwait(false);
            LogStdin(logger, copy);
            dataOptions = dataOptions with { Train = copy };
        }

        TrainingRun.CheckStop(options, dataOptions);
        var loaded = DatasetCatalog.Load(ml, dataOptions, options.Seed);
        LogData(logger, loaded.Name, loaded.Train.Count, loaded.Validation.Count, loaded.Test.Count, loaded.FeatureCount, loaded.Task, loaded.TaskReason);
        var net = model.Value.Create(loaded.Task, loaded.FeatureCount, loaded.ClassCount);
        var cluster = Scenarios.Resolve(simulation.Value, options.Workers);
        var curve = new TestSetObserver(net, loaded.Test, options.EvaluationInterval.Value, logger);
        var environment = new TrainerEnvironment { Logger = logger, Time = time, Cluster = cluster, Observer = curve };
        var result = await HybridTrainer.TrainAsync(loaded.ForTraining(), net, options, environment, stop).ConfigureAwait(false);

        // Written even after a stop request: the stop only ended training early.
        string directory = Path.GetFullPath(output.Value.Directory);
        string modelPath = Path.Combine(directory, OutputOptions.ModelFileName);
        var header = new ModelHeader(
            net.Name, net.FeatureCount, net.OutputCount, loaded.ClassNames, loaded.Name, (net as MlpModel)?.HiddenLayers ?? [], net.Task, loaded.Spec);
        ModelFile.Save(modelPath, header, result.Weights);
        string reportPath = Path.Combine(directory, OutputOptions.ReportFileName);
        var metrics = MlNetMetrics.Evaluate(ml, net, result.Weights, loaded.Test, loaded.ClassCount);
        ReportFile.Write(reportPath, RunReport.From(result, loaded.Task, metrics, curve.Curve, options, simulation.Value.Scenario, OutputOptions.ModelFileName, time.GetUtcNow()));
        LogWritten(logger, reportPath, modelPath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data {Dataset}: {TrainRows} training rows (+ {ValidationRows} held out for validation), {TestRows} test rows, {Features} features; task {Task} ({Reason})")]
    private static partial void LogData(ILogger logger, string dataset, int trainRows, int validationRows, int testRows, int features, LearningTask task, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Standard input copied to {Path}")]
    private static partial void LogStdin(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Report} and {Model}")]
    private static partial void LogWritten(ILogger logger, string report, string model);
}

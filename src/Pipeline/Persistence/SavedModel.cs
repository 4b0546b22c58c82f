using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Evaluation;
using HybridSgd.Pipeline.Models;

namespace HybridSgd.Pipeline.Persistence;

/// <summary>
/// A trained model loaded from its file, ready to predict: the public way to use a model in your own code.
/// Features must already be featurized as in training (the <c>Data</c> spec in <see cref="Header"/> says how;
/// <c>HybridSgd.Datasets.Tabular.TabularDataset.LoadForScoring</c> does it for files).
/// </summary>
/// <example>
/// <code>
/// var saved = SavedModel.Load("runs/latest");
/// var prediction = saved.Predict(features);   // prediction.Label, prediction.Probabilities or prediction.Value
/// </code>
/// </example>
public sealed class SavedModel
{
    private readonly float[] _weights;
    private readonly IModelKernel _kernel;
    private readonly float[] _output;

    private SavedModel(ModelHeader header, IModel model, float[] weights)
    {
        Header = header;
        Model = model;
        _weights = weights;
        _kernel = model.CreateKernel();
        _output = new float[model.OutputCount];
    }

    public ModelHeader Header { get; }

    /// <summary>The trained parameters, in the layout of <see cref="Model"/>.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    public IModel Model { get; }

    public LearningTask Task => Model.Task;

    /// <summary>Classes the model tells apart (0 for regression).</summary>
    public int ClassCount => Task == LearningTask.Regression ? 0 : Math.Max(Header.ClassNames.Count, Header.OutputCount);

    /// <summary>Loads a model file, or the <c>model.hsgd</c> inside a run directory; refuses a corrupt or mismatched file.</summary>
    public static SavedModel Load(string path)
    {
        string file = Directory.Exists(path) ? Path.Combine(path, "model.hsgd") : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"No model file at '{file}' (expected a model.hsgd file or a run directory holding one).", file);
        }

        var (header, weights) = ModelFile.Load(file);
        IModel model;
        try
        {
            int classes = header.Task == LearningTask.Regression ? 0 : Math.Max(header.ClassNames.Count, header.OutputCount);
            model = ModelFactory.Create(header.Model, header.Task, header.FeatureCount, classes, header.HiddenLayers is { Count: > 0 } hidden ? hidden : null);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"Model file '{file}' describes a model this build cannot rebuild: {exception.Message}", exception);
        }

        if (model.ParameterCount != weights.Length || model.OutputCount != header.OutputCount)
        {
            throw new InvalidDataException(
                $"Model file '{file}' is not usable: its header describes {model.ParameterCount} parameters and {model.OutputCount} outputs, it holds {weights.Length} weights and says {header.OutputCount} outputs.");
        }

        return new SavedModel(header, model, weights);
    }

    /// <summary>Predicts one featurized example. Not thread-safe (one kernel); load one instance per thread.</summary>
    public ModelPrediction Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != Model.FeatureCount)
        {
            throw new ArgumentException($"The model expects {Model.FeatureCount} features, got {features.Length}.", nameof(features));
        }

        _kernel.Predict(_weights, features, _output);
        if (Task == LearningTask.Regression)
        {
            return new ModelPrediction(null, null, [], _output[0]);
        }

        var probabilities = _output.Length == 1 ? new[] { 1 - _output[0], _output[0] } : _output.ToArray();
        var (predicted, _) = Evaluator.Read(_output, 0);
        string name = predicted < Header.ClassNames.Count ? Header.ClassNames[predicted] : predicted.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ModelPrediction(predicted, name, probabilities, null);
    }
}

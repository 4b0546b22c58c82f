using System.Text.Json;
using HybridSgd.Datasets.Tabular;
using HybridSgd.Host.Options;
using HybridSgd.Embedding.Checkpoints;
using HybridSgd.Host.Service.Feeding;
using HybridSgd.Host.Service.Status;
using HybridSgd.Embedding.Online;
using HybridSgd.Host.Service.Streaming;
using HybridSgd.Pipeline.Configuration;
using HybridSgd.Pipeline.Data;
using HybridSgd.Pipeline.Models;
using HybridSgd.Pipeline.Optimization;
using HybridSgd.Pipeline.Persistence;
using HybridSgd.Pipeline.Training;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace HybridSgd.Host.Service;

/// <summary>
/// The service's durable state and the writing of it: the model (null until a schema is known), the position in
/// every fed file, and the checkpoint + model file pair. Files leave the inbox only here, after the checkpoints
/// that cover them are on disk.
/// </summary>
internal sealed class StreamSession
{
    private readonly ServiceOptions _service;
    private readonly TrainingOptions _training;
    private readonly ModelOptions _modelOptions;
    private readonly TrainerEnvironment _environment;
    private readonly CheckpointStore _store;
    private readonly ServiceState _state;
    private readonly ServiceMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    // The buffers the schema's passes and every file's reader hand on to the next (a first file's read finds them warm).
    private readonly ReadBuffers _buffers = new();
    private bool _dirty;

    private StreamSession(
        ServiceOptions service, TrainingOptions training, ModelOptions model, TrainerEnvironment environment, FeedSources sources,
        SourceBook book, ServiceState state, ServiceMetrics metrics, ILogger logger, TimeProvider time)
    {
        _service = service;
        _training = training;
        _modelOptions = model;
        _environment = environment;
        _store = new CheckpointStore(service.ModelDirectory);
        Sources = sources;
        Book = book;
        _state = state;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        LastCheckpoint = time.GetTimestamp();
    }

    public MLContext Ml { get; } = new();



    /// <summary>A fixed ramp policy's progress over the service's life (the adaptive policy ignores it).</summary>
    private Func<TrainingTotals, Func<RunCounts, double>> Ramp => totals => RampProgress.For(_service, totals);

    public TabularSpec? Spec { get; private set; }

    /// <summary>Opens fed files with <see cref="Spec"/>, each read once (null until a schema is known).</summary>
    public SegmentReaders? Readers { get; private set; }

    public SegmentedModel? Model { get; private set; }

    public FeedSources Sources { get; }

    public SourceBook Book { get; }

    /// <summary>Timestamp of the last checkpoint (or of the start).</summary>
    public long LastCheckpoint { get; private set; }

    /// <summary>Something a checkpoint does not hold yet: rows trained, a file finished or failed, a file waiting to move.</summary>
    public bool NeedsCheckpoint => Model is not null && (_dirty || Book.AnyAwaitingRelease);

    public string ModelPath => Path.Combine(Path.GetFullPath(_service.ModelDirectory), OutputOptions.ModelFileName);

    /// <summary>Resumes from the newest usable checkpoint in the model directory, or starts empty.</summary>
    public static StreamSession Open(
        ServiceOptions service, TrainingOptions training, ModelOptions model, TrainerEnvironment environment, FeedSources sources,
        ServiceState state, ServiceMetrics metrics, ILogger logger, TimeProvider time)
    {
        var store = new CheckpointStore(service.ModelDirectory);
        var rejected = new List<string>();
        var loaded = store.Load(rejected);
        foreach (string problem in rejected)
        {
            ServiceLog.CheckpointRejected(logger, problem);
        }

        var session = new StreamSession(
            service, training, model, environment, sources, new SourceBook(loaded?.Checkpoint.Sources ?? []), state, metrics, logger, time);
        if (loaded is null)
        {
            ServiceLog.Fresh(logger, Path.GetFullPath(service.ModelDirectory));
            return session;
        }

        session.Restore(loaded);
        return session;
    }

    /// <summary>Defines the schema and a fresh model from <paramref name="path"/> (the schema file or the first file fed).</summary>
    public void Define(string path, DataOptions data, CancellationToken cancellationToken)
    {
        var spec = SchemaSource.Define(Ml, path, data, _training.Seed, _buffers, cancellationToken);
        int classes = spec.Task == LearningTask.Regression ? 0 : spec.ClassNames.Count;
        var net = _modelOptions.Create(spec.Task, spec.FeatureCount, classes);
        var header = new ModelHeader(
            net.Name, net.FeatureCount, net.OutputCount, spec.ClassNames, "service", (net as MlpModel)?.HiddenLayers ?? [], net.Task,
            JsonSerializer.SerializeToElement(spec));
        Spec = spec;
        Readers = new SegmentReaders(Ml, spec, _buffers);
        Model = new SegmentedModel(net, header, SegmentedModel.Initial(net, _training.Seed), _training.LearningRate, new TrainingTotals(), _training, _environment, Ramp);
        _state.SetModel(Model.Totals, Model.LearningRate);
        ServiceLog.SchemaDefined(_logger, path, spec.Task.ToString().ToLowerInvariant(), spec.TaskReason, spec.FeatureCount, net.Name);
    }

    public void MarkDirty() => _dirty = true;

    /// <summary>Writes the checkpoint and model.hsgd, then moves out the files both kept checkpoints cover.</summary>
    public void Checkpoint()
    {
        if (Model is null)
        {
            return;
        }

        _state.SetPhase(ServicePhase.Checkpointing, _state.Snapshot().CurrentFile);
        Book.CountCheckpoint();
        var checkpoint = new Checkpoint
        {
            SavedUtc = _time.GetUtcNow(),
            Model = Model.Header,
            LearningRate = Model.LearningRate ?? LearningRateEstimate.Default,
            Totals = Model.Totals,
            Sources = Book.Positions,
        };
        Durably(() => _store.Write(checkpoint, Model.Weights), "the checkpoint");
        Durably(() => ModelFile.Save(ModelPath, Model.Header, Model.Weights), OutputOptions.ModelFileName);

        LastCheckpoint = _time.GetTimestamp();
        _dirty = false;
        _state.SetCheckpoint(checkpoint.SavedUtc);
        int released = ReleaseCovered();
        ServiceLog.CheckpointWritten(_logger, Model.Totals.Rows, Model.Totals.Updates, Book.Positions.Count, released);
    }

    /// <summary>A file could not be used: it goes to failed/ with the reason, and the service goes on.</summary>
    public void Fail(FeedFile file, string reason)
    {
        string target = FileDisposition.Failed(file, reason);
        Book.Forget(file);
        Sources.Release(file.Path);
        Model?.RecordFiles(0, 1);
        _metrics.FileFailed();
        _dirty = true;
        ServiceLog.Failed(_logger, file.Name, target, reason);
        if (Model is not null)
        {
            _state.SetModel(Model.Totals, Model.LearningRate);
        }
    }

    /// <summary>Every row of <paramref name="file"/> is in the weights; it moves out after two checkpoints.</summary>
    public void Finish(FeedFile file)
    {
        Book.Complete(file);
        Sources.SetAside(file.Path);
        Model!.RecordFiles(1, 0);
        _metrics.FileDone();
        _dirty = true;
    }

    private void Restore(LoadedCheckpoint loaded)
    {
        var checkpoint = loaded.Checkpoint;
        var header = checkpoint.Model;
        var spec = header.Data?.Deserialize<TabularSpec>()
            ?? throw new InvalidDataException($"Checkpoint '{loaded.Path}' holds no data spec.");
        int classes = header.Task == LearningTask.Regression ? 0 : Math.Max(header.ClassNames.Count, header.OutputCount);
        var net = ModelFactory.Create(header.Model, header.Task, header.FeatureCount, classes, header.HiddenLayers is { Count: > 0 } hidden ? hidden : null);
        Spec = spec;
        Readers = new SegmentReaders(Ml, spec, _buffers);
        Model = new SegmentedModel(net, header, loaded.Weights, checkpoint.LearningRate, checkpoint.Totals, _training, _environment, Ramp);
        _state.SetModel(Model.Totals, Model.LearningRate);
        _state.SetCheckpoint(checkpoint.SavedUtc);

        Book.Retain(p => File.Exists(PathOf(p)));
        foreach (var position in Book.Positions.Where(p => p.Completed))
        {
            Sources.SetAside(PathOf(position));
        }

        // model.hsgd is written after the checkpoint: a crash between the two, or a fallback to the previous
        // checkpoint, leaves it out of step with the weights training goes on from. Written again here, it always
        // holds them, even if the service then stops with nothing new to checkpoint.
        Durably(() => ModelFile.Save(ModelPath, Model.Header, Model.Weights), OutputOptions.ModelFileName);
        ServiceLog.Resumed(_logger, loaded.Path, checkpoint.SavedUtc, checkpoint.Totals.Rows, checkpoint.Totals.Updates, Book.Positions.Count);
        ReleaseCovered();
    }

    /// <summary>Writes one of the model directory's files; failing that, the service cannot keep its promise and stops.</summary>
    private void Durably(Action write, string what)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not a problem of the file being trained on, so not a failed file: a fault of the service.
            throw new ServiceFaultException($"Cannot write {what} in '{Path.GetFullPath(_service.ModelDirectory)}': {exception.Message}", exception);
        }
    }

    private int ReleaseCovered()
    {
        int released = 0;
        foreach (var position in Book.Releasable())
        {
            var file = new FeedFile(PathOf(position), position.Length, default, position.FromSpool);
            var change = FileChanges.Of(file.Path, position);
            if (change is FileChange.Appended or FileChange.Rewritten)
            {
                // Rows written after the file was trained on would otherwise leave with it, never learned.
                ServiceLog.ChangedWhileTrained(_logger, file.Name, change.ToString().ToLowerInvariant());
                Book.Reopen(position);
                Sources.Release(file.Path);
                Model?.RecordFiles(-1, 0);
                _dirty = true;
                continue;
            }

            FileDisposition.Done(file);
            Book.Forget(file);
            Sources.Release(file.Path);
            released++;
        }

        return released;
    }

    private string PathOf(SourcePosition position) =>
        Path.Combine(Path.GetFullPath(position.FromSpool ? _service.SpoolDirectory : _service.Inbox), position.Name);
}

using System.ComponentModel.DataAnnotations;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.Service;

/// <summary>
/// The long-running <c>serve</c> verb (section <c>Service</c>): where data is fed, where checkpoints, the model and
/// status.json go, and how often. Defaults live here and only here; <see cref="ServiceOptionsValidator"/> checks
/// the rules that span fields.
/// </summary>
public sealed record ServiceOptions
{
    public const string SectionName = "Service";

    /// <summary>Directory watched for data files (.csv .tsv .txt .svm .svmlight .libsvm); done/ and failed/ are made inside it.</summary>
    [Required]
    public string Inbox { get; init; } = "inbox";

    /// <summary>Receives checkpoint.hsgdc (and .prev), model.hsgd and status.json; a restart resumes from it.</summary>
    [Required]
    public string ModelDirectory { get; init; } = "runs/service";

    /// <summary>Where standard-input chunks are spooled before training; empty for <c>spool</c> inside <see cref="ModelDirectory"/>.</summary>
    public string Spool { get; init; } = "";

    /// <summary>A file whose columns (and fitted scaling) define the schema; empty for the first file fed.</summary>
    public string SchemaFile { get; init; } = "";

    /// <summary>A held-out labelled file scored every <see cref="TestInterval"/>; empty for none.</summary>
    public string TestFile { get; init; } = "";

    /// <summary>Also read CSV rows from standard input (<c>--stdin</c>), header line first.</summary>
    public bool Stdin { get; init; }

    /// <summary>
    /// A file is read only once its size and modification time have not changed for this long: the safety net for
    /// writers that do not write under a .tmp name and rename. Also how long a partial stdin chunk waits for rows.
    /// </summary>
    public Duration SettleTime { get; init; } = new(TimeSpan.FromSeconds(1));

    /// <summary>How often the inbox is listed.</summary>
    public Duration PollInterval { get; init; } = new(TimeSpan.FromMilliseconds(250));

    /// <summary>Rows of standard input per spooled chunk file.</summary>
    [Range(1, 10_000_000)]
    public int StdinChunkRows { get; init; } = 10_000;

    /// <summary>
    /// Rows trained on per segment (one drained run of the graph). Checkpoints fall on segment boundaries, and one
    /// segment's featurized rows are what the service holds in memory.
    /// </summary>
    [Range(1, 10_000_000)]
    public int SegmentRows { get; init; } = 10_000;

    /// <summary>How often a checkpoint (and model.hsgd) is written; also written when the inbox runs dry and at shutdown.</summary>
    public Duration CheckpointInterval { get; init; } = new(TimeSpan.FromSeconds(30));

    /// <summary>How often status.json is rewritten.</summary>
    public Duration StatusInterval { get; init; } = new(TimeSpan.FromSeconds(5));

    /// <summary>How often <see cref="TestFile"/> is scored.</summary>
    public Duration TestInterval { get; init; } = new(TimeSpan.FromSeconds(10));

    /// <summary>What drives the threshold policy's progress p on an endless stream: training time or updates.</summary>
    public ProgressBy ProgressBy { get; init; } = ProgressBy.Time;

    /// <summary>p reaches 1 after this much training: a duration ("10m") with time, a count of updates with updates.</summary>
    [Required]
    public string RampLength { get; init; } = "10m";

    /// <summary>
    /// The host's graceful-stop allowance (HostOptions.ShutdownTimeout): the current segment may finish within the
    /// first half of it, then the final checkpoint and model are written.
    /// </summary>
    public Duration ShutdownTimeout { get; init; } = new(TimeSpan.FromSeconds(30));

    /// <summary>The spool directory, resolved.</summary>
    public string SpoolDirectory => string.IsNullOrWhiteSpace(Spool) ? Path.Combine(ModelDirectory, "spool") : Spool;
}

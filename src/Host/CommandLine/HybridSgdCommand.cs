using System.CommandLine;
using System.CommandLine.Help;
using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.CommandLine;

/// <summary>
/// The command-line surface of <c>hybridsgd</c>: one subcommand per verb, each with its own switches and help. Every
/// switch names a configuration key; System.CommandLine only parses and checks the words, and the generic host's
/// configuration binds and validates the values (see <see cref="CommandLineArguments"/>).
/// </summary>
internal static class HybridSgdCommand
{
    private const string Data = DataOptions.SectionName + ":";
    private const string Model = ModelOptions.SectionName + ":";
    private const string Training = TrainingOptions.SectionName + ":";
    private const string Simulation = SimulationOptions.SectionName + ":";
    private const string Output = OutputOptions.SectionName + ":";
    private const string Compare = HybridSgd.Host.Compare.CompareOptions.SectionName + ":";
    private const string Scoring = ScoringOptions.SectionName + ":";
    private const string Service = HybridSgd.Host.Service.ServiceOptions.SectionName + ":";
    private const string Cluster = HybridSgd.Host.Cluster.ClusterOptions.SectionName + ":";

    /// <summary>The console formatter's key: text for people (the default in appsettings.json), json for machines.</summary>
    public const string LogFormatKey = "Logging:Console:FormatterName";

    public static RootCommand Create()
    {
        var root = new RootCommand("hybridsgd — data-parallel SGD with a hybrid (async → sync) aggregation schedule");
        VerbCommand[] verbs =
        [
            new(Verb.Train, "train with appsettings.json, overridden by options (the default command)", [.. TrainingSwitches(), .. ClusterSwitches()],
                "hybridsgd train --dataset fashion-mnist --model softmax --mode hybrid --workers 4 --out runs/demo",
                "hybridsgd train --cluster --silos 3 --silo-index 0 --stop epochs --epochs 8 --out runs/cluster   (then --silo-index 1 and 2 in two more shells)",
                "hybridsgd train --mode hybrid --policy linear --ramp-end 0.5 --stop budget --budget 10s --out runs/ramp",
                "hybridsgd train --train houses.csv --label price --out runs/houses"),
            new(Verb.Compare, "run several methods on the same split, budget and seeds", [.. TrainingSwitches(), .. CompareSwitches()],
                "hybridsgd compare --model softmax --methods sync,async,hybrid,adaptive,sdca --scenario stragglers --stop budget --budget 20s --seeds 5 --out runs/cmp"),
            new(Verb.Evaluate, "a saved model's test metrics on a labelled file (ML.NET's evaluators)",
                ScoringSwitches("a labelled file with the training file's columns", " (default: evaluation.json beside the model)"),
                "hybridsgd evaluate --model runs/houses --data houses-2025.csv"),
            new(Verb.Predict, "one prediction per input row (label and class probabilities, or value)",
                ScoringSwitches("the rows to predict", ": the predictions CSV to write"),
                "hybridsgd predict --model runs/houses --data new-listings.csv --out runs/houses/preds.csv"),
            new(Verb.Serve,
                "run as a service: train on files dropped into the inbox (and on CSV rows from standard input with --stdin) "
                + "until stopped, with checkpoints, model.hsgd and status.json in the model directory (see docs/SERVICE.md)",
                [.. TrainingSwitches(), .. ServeSwitches()],
                "hybridsgd serve --inbox /var/lib/hybridsgd/inbox --model-dir /var/lib/hybridsgd/model --label churned"),
        ];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb);
        }

        root.Subcommands.Add(HelpCommand(root, verbs));

        // Never reached by a bare `hybridsgd` (that is train); with an action, an unknown verb is just that, not also "no command".
        root.SetAction(result => root.Parse(["--help"]).Invoke(result.InvocationConfiguration));
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((HelpAction)help.Action!, [.. verbs.SelectMany(verb => verb.Examples)]);
        return root;
    }

    /// <summary><c>hybridsgd help [command]</c>: the same text as <c>--help</c>.</summary>
    private static Command HelpCommand(RootCommand root, VerbCommand[] verbs)
    {
        var about = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne, HelpName = "command", Description = "the command to describe" };
        about.AcceptOnlyFromAmong([.. verbs.Select(verb => verb.Name)]);
        var command = new Command("help", "this text, or a command's: hybridsgd help serve") { about };
        command.SetAction(result =>
        {
            string[] words = result.GetValue(about) is { } verb ? [verb, "--help"] : ["--help"];
            return root.Parse(words).Invoke(result.InvocationConfiguration);
        });
        return command;
    }

    private static IEnumerable<Option> TrainingSwitches() =>
    [
        Setting("--dataset", Data + "Dataset", "fashion-mnist"),
        Setting("--data-dir", Data + "Directory", "DIR", " (default: the embedded copy)"),
        Setting("--train", Data + "Train", "PATH",
            ": your own data — CSV/TSV with a header, SVMlight/LibSVM (.svm/.svmlight/.libsvm), ML.NET .idv, or an IDX "
            + "directory; - reads CSV from standard input"),
        Setting("--test", Data + "Test", "PATH", " (default: a seeded holdout of --train, Data:HoldoutFraction)"),
        Setting("--holdout", Data + "HoldoutFraction", "0.2"),
        Setting("--label", Data + "Label", "NAME", ": the label column, by name, wherever it stands"),
        Setting("--features", Data + "Features", "a,b,c", " (default: every other column; text columns one-hot)"),
        Setting("--task", Data + "Task", "auto|binary|multiclass|regression", " (auto infers it from the label and says why)"),
        Setting("--separator", Data + "Separator", "auto|comma|tab|semicolon", " (auto: detected from the header line)"),
        Setting("--format", Data + "Format", "auto|csv|tsv|svmlight|idv", " (auto: by file extension)"),
        Setting("--normalize", Data + "Normalize", "auto|minmax|meanvariance|none", " (auto: meanvariance from 10,000 rows, minmax below; fit on the training rows only)"),
        Setting("--train-rows", Data + "TrainRows", "N", " (use the first N rows)"),
        Setting("--test-rows", Data + "TestRows", "N", " (use the first N rows)"),
        Setting("--model", Model + "Name", "auto|softmax|logistic|linear|mlp", " (auto: softmax, logistic or linear by task)"),
        Setting("--hidden", Model + "HiddenLayers", "256,128", " (mlp)"),
        Setting("--mode", Training + "Mode", "async|sync|hybrid"),
        Setting("--policy", Training + "Policy:Kind", "adaptive|linear|exponential|step|constant",
            " (hybrid only; adaptive, the default, decides k from the gradient noise scale, loss plateaus and worker pace, "
            + "and with --stop budget or epochs is synchronous from half of it (Policy:SettleStart, SettleEnd); "
            + "the others are functions of progress through the budget or epochs)"),
        Setting("--ramp-start", Training + "Policy:RampStart", "P", " (progress 0..1)"),
        Setting("--ramp-end", Training + "Policy:RampEnd", "P", " (progress 0..1)"),
        Setting("--step-at", Training + "Policy:StepAt", "P"),
        Setting("--constant", Training + "Policy:Constant", "K"),
        Setting("--workers", Training + "Workers", "N", aliases: "-w"),
        Setting("--batch-size", Training + "BatchSize", "N", " (per worker; default: from the data's size, 2..64)"),
        Setting("--learning-rate", Training + "LearningRate", "X", aliases: "--lr"),
        Setting("--lr-decay", Training + "LearningRateDecay", "none|linear|cosine", " (over the budget or epochs, like a ramp)"),
        Setting("--lr-final", Training + "FinalLearningRateFraction", "0.05", " (η left at the end, with a decay)"),
        Setting("--l2", Training + "L2", "X", " (default: ML.NET SDCA's for a linear classifier, about 2.7e-5; 1e-5 otherwise)"),
        Setting("--stop", Training + "Stop", "converged|budget|epochs",
            " (converged, the default: when the validation loss stops improving with k settled and a halving of the learning rate no longer pays)"),
        Setting("--validation", Data + "ValidationFraction", "0.1", " (training rows held out for the converged stop)"),
        Setting("--budget", Training + "Budget", "10s|2m|00:01:30", ": a time cap (clears Epochs unless --epochs is given too)"),
        Setting("--epochs", Training + "Epochs", "N", ": a cap in passes (clears Budget unless --budget is given too)"),
        new FlagOption("--staleness-lr", Training + "StalenessAwareStep", ": each gradient's step divided by its staleness"),
        Setting("--seed", Training + "Seed", "N"),
        Setting("--shuffle", Training + "Shuffle", "true|false"),
        Setting("--eval-interval", Training + "EvaluationInterval", "1s"),
        Setting("--out", Output + "Directory", "DIR", " (report.json and model.hsgd; compare.json, summary.md, compare.png, compare.svg)"),
        Setting("--scenario", Simulation + "Scenario", "uniform|stragglers|slow-network",
            " (stragglers: a quarter of the workers 4× slower; slow-network: 2 ms + up to 2 ms jitter per push and per pull; "
            + "one worker's slowdown: --Simulation:WorkerSlowdown:3 4)"),
        Setting("--push-delay", Simulation + "PushDelay", "2ms", " (overrides the scenario)"),
        Setting("--pull-delay", Simulation + "PullDelay", "2ms", " (overrides the scenario)"),
        Setting("--jitter", Simulation + "DelayJitter", "1ms", " (overrides the scenario)"),
        LogFormat(),
    ];

    private static IEnumerable<Option> CompareSwitches() =>
    [
        Setting("--methods", Compare + "Methods", "sync,async,hybrid,adaptive,sdca",
            " (hybrid: the linear ramp, adaptive: the adaptive policy, sdca: ML.NET's SDCA trainer for the task)"),
        Setting("--seeds", Compare + "Seeds", "5", " (seeds Training:Seed, +1, ...)"),
    ];

    /// <summary>serve takes train's switches (model, mode, workers, …) plus where its data comes from and goes.</summary>
    private static IEnumerable<Option> ServeSwitches() =>
    [
        Setting("--inbox", Service + "Inbox", "DIR", ": drop x.csv (write x.csv.tmp, then rename); done/, failed/"),
        Setting("--model-dir", Service + "ModelDirectory", "DIR", ": checkpoints, model.hsgd, status.json; resumes from it"),
        new FlagOption("--stdin", Service + "Stdin", ": also read CSV rows (header first) from standard input"),
        Setting("--schema", Service + "SchemaFile", "PATH", " (default: the first file fed defines the columns)"),
        Setting("--test-file", Service + "TestFile", "PATH", ": a held-out file scored every Service:TestInterval"),
        Setting("--segment-rows", Service + "SegmentRows", "N", ": rows per training segment (memory, checkpoint grain)"),
        Setting("--checkpoint-interval", Service + "CheckpointInterval", "30s"),
    ];

    /// <summary>
    /// evaluate and predict work on a saved model: there <c>--model</c> names the model (not a model kind) and
    /// <c>--out</c> the file to write, as the user expects from those verbs.
    /// </summary>
    private static IEnumerable<Option> ScoringSwitches(string data, string output) =>
    [
        Setting("--model", Scoring + "Model", "DIR", ": a run directory holding model.hsgd, or the model file"),
        Setting("--data", Scoring + "Data", "PATH", ": " + data),
        Setting("--out", Scoring + "Output", "FILE", output),
        LogFormat(),
    ];

    /// <summary>train --cluster: this process as one Orleans silo of a job (see docs/DISTRIBUTED.md).</summary>
    private static IEnumerable<Option> ClusterSwitches() =>
    [
        new FlagOption("--cluster", Cluster + "Enabled", " (one Orleans silo of a job; silo 0 starts it and writes the outputs)"),
        Setting("--silos", Cluster + "Silos", "N", " (silos the job waits for; the training rows are split into N shards)"),
        Setting("--silo-index", Cluster + "SiloIndex", "I", " (this silo's shard, 0 … N − 1; 0 is the coordinator)"),
        Setting("--membership", Cluster + "Membership", "localhost|redis", " (localhost: silo 0 keeps the table, one machine)"),
        Setting("--redis", Cluster + "Redis", "HOST:PORT", " (the Redis connection string, with --membership redis)"),
        Setting("--address", Cluster + "Address", "IP", " (the address other silos reach this one at)"),
        Setting("--silo-port", Cluster + "SiloPort", "PORT", " (silo 0's; silo i uses PORT + i)"),
        Setting("--gateway-port", Cluster + "GatewayPort", "PORT", " (silo 0's; silo i uses PORT + i)"),
        Setting("--cluster-id", Cluster + "ClusterId", "ID"),
    ];

    private static SettingOption LogFormat() =>
        Setting("--log-format", LogFormatKey, "text|json", " (text: lines for people; json: one JSON object a line, for machines)");

    private static SettingOption Setting(string name, string key, string valueName, string? detail = null, params string[] aliases) =>
        new(name, key, valueName, detail, aliases);
}

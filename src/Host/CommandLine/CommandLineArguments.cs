using HybridSgd.Host.Options;
using HybridSgd.Pipeline.Configuration;

namespace HybridSgd.Host.CommandLine;

/// <summary>
/// The verb and switches of <c>hybridsgd</c>. Switches are plain configuration overrides (the standard .NET
/// command-line provider with switch mappings), so every flag has an appsettings.json key and an environment
/// variable twin; this class only picks the verb, rejects unknown flags by name and pairs budget with epochs.
/// </summary>
internal sealed record CommandLineArguments(string Verb, string[] ConfigurationArguments, IReadOnlyDictionary<string, string?> Overrides)
{
    public const string TrainVerb = "train";
    public const string CompareVerb = "compare";
    public const string EvaluateVerb = "evaluate";
    public const string PredictVerb = "predict";
    public const string ServeVerb = "serve";
    public const string HelpVerb = "help";

    private static readonly string[] Verbs = [TrainVerb, CompareVerb, EvaluateVerb, PredictVerb, ServeVerb, HelpVerb];

    private const string Training = TrainingOptions.SectionName + ":";
    private const string Simulation = SimulationOptions.SectionName + ":";
    private const string Compare = HybridSgd.Host.Compare.CompareOptions.SectionName + ":";
    private const string Service = HybridSgd.Host.Service.ServiceOptions.SectionName + ":";

    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--dataset"] = DataOptions.SectionName + ":Dataset",
        ["--data-dir"] = DataOptions.SectionName + ":Directory",
        ["--train"] = DataOptions.SectionName + ":Train",
        ["--test"] = DataOptions.SectionName + ":Test",
        ["--label"] = DataOptions.SectionName + ":Label",
        ["--features"] = DataOptions.SectionName + ":Features",
        ["--task"] = DataOptions.SectionName + ":Task",
        ["--separator"] = DataOptions.SectionName + ":Separator",
        ["--format"] = DataOptions.SectionName + ":Format",
        ["--normalize"] = DataOptions.SectionName + ":Normalize",
        ["--holdout"] = DataOptions.SectionName + ":HoldoutFraction",
        ["--train-rows"] = DataOptions.SectionName + ":TrainRows",
        ["--test-rows"] = DataOptions.SectionName + ":TestRows",
        ["--model"] = ModelOptions.SectionName + ":Name",
        ["--out"] = OutputOptions.SectionName + ":Directory",
        ["--mode"] = Training + "Mode",
        ["--workers"] = Training + "Workers",
        ["-w"] = Training + "Workers",
        ["--batch-size"] = Training + "BatchSize",
        ["--learning-rate"] = Training + "LearningRate",
        ["--lr"] = Training + "LearningRate",
        ["--l2"] = Training + "L2",
        ["--lr-decay"] = Training + "LearningRateDecay",
        ["--lr-final"] = Training + "FinalLearningRateFraction",
        ["--epochs"] = Training + "Epochs",
        ["--budget"] = Training + "Budget",
        ["--seed"] = Training + "Seed",
        ["--shuffle"] = Training + "Shuffle",
        ["--eval-interval"] = Training + "EvaluationInterval",
        ["--policy"] = Training + "Policy:Kind",
        ["--stop"] = Training + "Stop",
        ["--staleness-lr"] = Training + "StalenessAwareStep",
        ["--validation"] = DataOptions.SectionName + ":ValidationFraction",
        ["--ramp-start"] = Training + "Policy:RampStart",
        ["--ramp-end"] = Training + "Policy:RampEnd",
        ["--step-at"] = Training + "Policy:StepAt",
        ["--constant"] = Training + "Policy:Constant",
        ["--hidden"] = ModelOptions.SectionName + ":HiddenLayers",
        ["--scenario"] = Simulation + "Scenario",
        ["--push-delay"] = Simulation + "PushDelay",
        ["--pull-delay"] = Simulation + "PullDelay",
        ["--jitter"] = Simulation + "DelayJitter",
        ["--methods"] = Compare + "Methods",
        ["--seeds"] = Compare + "Seeds",
    };

    /// <summary>serve takes train's switches (model, mode, workers, …) plus where its data comes from and goes.</summary>
    public static IReadOnlyDictionary<string, string> ServeSwitchMappings { get; } = new Dictionary<string, string>(SwitchMappings, StringComparer.OrdinalIgnoreCase)
    {
        ["--inbox"] = Service + "Inbox",
        ["--model-dir"] = Service + "ModelDirectory",
        ["--schema"] = Service + "SchemaFile",
        ["--test-file"] = Service + "TestFile",
        ["--stdin"] = Service + "Stdin",
        ["--segment-rows"] = Service + "SegmentRows",
        ["--checkpoint-interval"] = Service + "CheckpointInterval",
    };

    /// <summary>Switches that are flags: given alone they mean true (<c>serve --stdin</c>).</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase) { "--stdin", "--staleness-lr" };

    /// <summary>
    /// evaluate and predict work on a saved model: there <c>--model</c> names the model (not a model kind) and
    /// <c>--out</c> the file to write, as the user expects from those verbs.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ScoringSwitchMappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--model"] = ScoringOptions.SectionName + ":Model",
        ["--data"] = ScoringOptions.SectionName + ":Data",
        ["--out"] = ScoringOptions.SectionName + ":Output",
    };

    /// <summary>The switches of <see cref="Verb"/>.</summary>
    public IReadOnlyDictionary<string, string> Mappings => MappingsFor(Verb);

    /// <summary>The command line as typed, for reports.</summary>
    public string Text => string.Join(' ', new[] { "hybridsgd", Verb }.Concat(ConfigurationArguments));

    /// <summary>A mutable copy, as the configuration API wants one.</summary>
    public IDictionary<string, string> SwitchMappingsCopy() => new Dictionary<string, string>(Mappings, StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyDictionary<string, string> MappingsFor(string verb) => verb switch
    {
        EvaluateVerb or PredictVerb => ScoringSwitchMappings,
        ServeVerb => ServeSwitchMappings,
        _ => SwitchMappings,
    };

    /// <summary>Parses <paramref name="args"/>; a usage error comes back as <paramref name="error"/>.</summary>
    public static bool TryParse(string[] args, out CommandLineArguments parsed, out string? error)
    {
        parsed = new CommandLineArguments(TrainVerb, [], new Dictionary<string, string?>());
        error = null;
        string verb = TrainVerb;
        var rest = args.AsSpan();
        if (rest.Length > 0 && !rest[0].StartsWith('-'))
        {
            verb = rest[0].ToLowerInvariant();
            rest = rest[1..];
        }

        if (!Verbs.Contains(verb))
        {
            error = $"Unknown command '{verb}'. Commands: {string.Join(", ", Verbs)}.";
            return false;
        }

        var mappings = MappingsFor(verb);
        rest = ExpandFlags(rest, mappings);

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < rest.Length; i++)
        {
            string token = rest[i];
            if (token is "--help" or "-h" or "-?")
            {
                verb = HelpVerb;
                continue;
            }

            if (!token.StartsWith('-'))
            {
                error = $"Unexpected argument '{token}': options take the form --name value (see 'hybridsgd help').";
                return false;
            }

            string name = token.Split('=', 2)[0];
            bool rawKey = name.TrimStart('-').Contains(':');
            if (!rawKey && !mappings.ContainsKey(name))
            {
                error = $"Unknown option '{name}' for '{verb}'. Known options: {string.Join(", ", mappings.Keys)} (or any --Section:Key).";
                return false;
            }

            bool inlineValue = token.Contains('=');
            if (!inlineValue && (i + 1 >= rest.Length || (rest[i + 1].StartsWith("--") && rest[i + 1].Length > 2)))
            {
                error = $"Option '{name}' needs a value.";
                return false;
            }

            seen.Add(rawKey ? name.TrimStart('-') : mappings[name]);
            if (!inlineValue)
            {
                i++;
            }
        }

        parsed = new CommandLineArguments(verb, rest.ToArray(), PairLimits(seen));
        return true;
    }

    /// <summary>A flag switch with no value after it gets "true", so the configuration provider sees a pair.</summary>
    private static Span<string> ExpandFlags(Span<string> rest, IReadOnlyDictionary<string, string> mappings)
    {
        var expanded = new List<string>(rest.Length + 1);
        for (int i = 0; i < rest.Length; i++)
        {
            expanded.Add(rest[i]);
            bool flag = Flags.Contains(rest[i]) && mappings.ContainsKey(rest[i]);
            bool valueFollows = i + 1 < rest.Length && (rest[i + 1].Equals("true", StringComparison.OrdinalIgnoreCase) || rest[i + 1].Equals("false", StringComparison.OrdinalIgnoreCase));
            if (flag && !valueFollows)
            {
                expanded.Add("true");
            }
        }

        return expanded.ToArray();
    }

    /// <summary>
    /// A run stops at its budget or its epochs, whichever comes first. Naming only one of them on the command
    /// line means "this limit only", so the other one from appsettings.json is cleared.
    /// </summary>
    private static Dictionary<string, string?> PairLimits(HashSet<string> seen)
    {
        var overrides = new Dictionary<string, string?>();
        bool epochs = seen.Contains(Training + "Epochs");
        bool budget = seen.Contains(Training + "Budget");
        if (epochs && !budget)
        {
            overrides[Training + "Budget"] = "";
        }
        else if (budget && !epochs)
        {
            overrides[Training + "Epochs"] = "";
        }

        return overrides;
    }

    public static string Usage => """
        hybridsgd — data-parallel SGD with a hybrid (async → sync) aggregation schedule

        Usage:
          hybridsgd [train] [options]     train with appsettings.json, overridden by options
          hybridsgd compare [options]     run several methods on the same split, budget and seeds
          hybridsgd evaluate --model DIR --data PATH [--out metrics.json]
                                          a saved model's test metrics on a labelled file (ML.NET's evaluators)
          hybridsgd predict --model DIR --data PATH --out preds.csv
                                          one prediction per input row (label and class probabilities, or value)
          hybridsgd serve [options]       run as a service: train on files dropped into the inbox (and on
                                          CSV rows from standard input with --stdin) until stopped, with
                                          checkpoints, model.hsgd and status.json in the model directory
          hybridsgd help                  this text

        Options (each maps to a key in appsettings.json; --Section:Key value sets any key):
          --dataset fashion-mnist         Data:Dataset
          --data-dir DIR                  Data:Directory (default: the embedded copy)
          --train PATH                    Data:Train: your own data — CSV/TSV with a header, SVMlight/LibSVM
                                          (.svm/.svmlight/.libsvm), ML.NET .idv, or an IDX directory;
                                          - reads CSV from standard input
          --test PATH                     Data:Test (default: a seeded holdout of --train, Data:HoldoutFraction)
          --holdout 0.2                   Data:HoldoutFraction
          --label NAME                    Data:Label: the label column, by name, wherever it stands
          --features a,b,c                Data:Features (default: every other column; text columns one-hot)
          --task auto|binary|multiclass|regression
                                          Data:Task (auto infers it from the label and says why)
          --separator auto|comma|tab|semicolon
                                          Data:Separator (auto: detected from the header line)
          --format auto|csv|tsv|svmlight|idv
                                          Data:Format (auto: by file extension)
          --normalize minmax|meanvariance|none
                                          Data:Normalize (fit on the training rows only)
          --train-rows N, --test-rows N   Data:TrainRows, Data:TestRows (use the first N rows)
          --model auto|softmax|logistic|linear|mlp
                                          Model:Name (auto: softmax, logistic or linear by task)
          --hidden 256,128                Model:HiddenLayers (mlp)
          --mode async|sync|hybrid        Training:Mode
          --policy adaptive|linear|exponential|step|constant
                                          Training:Policy:Kind (hybrid only; adaptive, the default, decides k
                                          from the gradient noise scale, loss plateaus and worker pace; the
                                          others are functions of progress through the budget or epochs)
          --ramp-start P, --ramp-end P    Training:Policy:RampStart/RampEnd (progress 0..1)
          --step-at P, --constant K       Training:Policy:StepAt, Training:Policy:Constant
          --workers N, -w N               Training:Workers
          --batch-size N                  Training:BatchSize (per worker; default: from the data's size, 2..64)
          --learning-rate X, --lr X       Training:LearningRate
          --lr-decay none|linear|cosine   Training:LearningRateDecay (over the budget or epochs, like a ramp)
          --lr-final 0.05                 Training:FinalLearningRateFraction (η left at the end, with a decay)
          --l2 X                          Training:L2
          --stop converged|budget|epochs  Training:Stop (converged, the default: when the validation loss stops
                                          improving with k settled, after halving the learning rate twice)
          --validation 0.1                Data:ValidationFraction (training rows held out for the converged stop)
          --budget 10s|2m|00:01:30        Training:Budget: a time cap (clears Epochs unless --epochs is given too)
          --epochs N                      Training:Epochs: a cap in passes (clears Budget unless --budget is given too)
          --staleness-lr                  Training:StalenessAwareStep: each gradient's step divided by its staleness
          --seed N                        Training:Seed
          --eval-interval 1s              Training:EvaluationInterval
          --out DIR                       Output:Directory (report.json and model.hsgd; compare.json, summary.md, compare.png, compare.svg)
          --scenario uniform|stragglers|slow-network
                                          Simulation:Scenario (stragglers: a quarter of the workers 4× slower;
                                          slow-network: 2 ms + up to 2 ms jitter per push and per pull)
          --push-delay 2ms, --pull-delay 2ms, --jitter 1ms
                                          Simulation:PushDelay/PullDelay/DelayJitter (override the scenario)
                                          per-worker slowdown: --Simulation:WorkerSlowdown:3 4
          --methods sync,async,hybrid,adaptive,sdca
                                          Compare:Methods (compare only; hybrid: the linear ramp, adaptive: the
                                          adaptive policy, sdca: ML.NET's SDCA trainer for the task)
          --seeds 5                       Compare:Seeds (compare only; seeds Training:Seed, +1, ...)

        serve only (each maps to a Service key; see docs/SERVICE.md):
          --inbox DIR                     Service:Inbox: drop x.csv (write x.csv.tmp, then rename); done/, failed/
          --model-dir DIR                 Service:ModelDirectory: checkpoints, model.hsgd, status.json; resumes from it
          --stdin                         Service:Stdin: also read CSV rows (header first) from standard input
          --schema PATH                   Service:SchemaFile (default: the first file fed defines the columns)
          --test-file PATH                Service:TestFile: a held-out file scored every Service:TestInterval
          --segment-rows N                Service:SegmentRows: rows per training segment (memory, checkpoint grain)
          --checkpoint-interval 30s       Service:CheckpointInterval

        Examples:
          hybridsgd train --dataset fashion-mnist --model softmax --mode hybrid --workers 4 --out runs/demo
          hybridsgd train --mode hybrid --policy linear --ramp-end 0.5 --stop budget --budget 10s --out runs/ramp
          hybridsgd train --train houses.csv --label price --out runs/houses
          hybridsgd evaluate --model runs/houses --data houses-2025.csv
          hybridsgd predict --model runs/houses --data new-listings.csv --out runs/houses/preds.csv
          hybridsgd serve --inbox /var/lib/hybridsgd/inbox --model-dir /var/lib/hybridsgd/model --label churned
          hybridsgd compare --model softmax --methods sync,async,hybrid,adaptive,sdca --scenario stragglers --stop budget --budget 20s --seeds 5 --out runs/cmp
        """;
}

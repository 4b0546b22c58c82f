namespace HybridSgd.Host.Options;

/// <summary>What <c>Data:Task</c> may say: decide from the label (and say why), or the task itself.</summary>
public enum DataTask
{
    Auto,
    Binary,
    Multiclass,
    Regression,
}

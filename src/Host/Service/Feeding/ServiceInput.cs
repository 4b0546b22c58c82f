namespace HybridSgd.Host.Service.Feeding;

/// <summary>
/// Where <c>serve --stdin</c> and <c>train --train -</c> read rows from: the process's standard input, or a reader a test hands in. A
/// singleton, so the reader is opened once, when the spooler asks for it.
/// </summary>
internal sealed class ServiceInput(Func<TextReader> open)
{
    /// <summary>
    /// Standard input as a stream, not <c>Console.In</c>: Console.In's async reads run synchronously, so a wait for
    /// the next row could not time out (to flush a partial chunk) or give way to a stop request.
    /// </summary>
    public static ServiceInput StandardInput { get; } = new(() => new StreamReader(Console.OpenStandardInput()));

    public TextReader Open() => open();
}

using System.Diagnostics;
using System.Text;

namespace HybridSgd.Host.Compare;

/// <summary>
/// Appends SVG elements to a string. Every attribute value and text passes through
/// <see cref="ChartFormat.Escape"/> here, so callers cannot forget it.
/// </summary>
internal sealed class ChartSvgBuilder
{
    private readonly StringBuilder _text = new();
    private readonly Stack<string> _open = new();

    public void Open(string element, params ReadOnlySpan<ChartSvgAttribute> attributes)
    {
        StartTag(element, attributes);
        _text.Append(">\n");
        _open.Push(element);
    }

    public void Close(string element)
    {
        Debug.Assert(_open.Count > 0 && _open.Peek() == element, $"Closing <{element}> out of order.");
        _open.Pop();
        Indent();
        _text.Append("</").Append(element).Append(">\n");
    }

    public void Empty(string element, params ReadOnlySpan<ChartSvgAttribute> attributes)
    {
        StartTag(element, attributes);
        _text.Append("/>\n");
    }

    public void Text(string element, string? content, params ReadOnlySpan<ChartSvgAttribute> attributes)
    {
        StartTag(element, attributes);
        _text.Append('>').Append(ChartFormat.Escape(content)).Append("</").Append(element).Append(">\n");
    }

    public override string ToString()
    {
        Debug.Assert(_open.Count == 0, "Every opened element must be closed before the document is read.");
        return _text.ToString();
    }

    private void StartTag(string element, ReadOnlySpan<ChartSvgAttribute> attributes)
    {
        Indent();
        _text.Append('<').Append(element);
        foreach (var attribute in attributes)
        {
            _text.Append(' ').Append(attribute.Name).Append("=\"").Append(ChartFormat.Escape(attribute.Value)).Append('"');
        }
    }

    private void Indent() => _text.Append(' ', 2 * _open.Count);
}

using System.ComponentModel;
using System.Globalization;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>Lets Microsoft.Extensions.Configuration bind "10s" into a <see cref="Duration"/>.</summary>
public sealed class DurationConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Duration.Parse(text) : base.ConvertFrom(context, culture, value);
}

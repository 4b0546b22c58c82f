using System.Text.Json;
using System.Text.Json.Serialization;

namespace HybridSgd.Pipeline.Configuration;

/// <summary>Writes an enum as its camelCase name ("workersRetired"), as report.json spells words, and reads it back.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;

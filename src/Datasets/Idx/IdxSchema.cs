using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets;

/// <summary>Builds the two-column schema every <see cref="IdxDataView"/> exposes.</summary>
internal static class IdxSchema
{
    /// <summary>ML.NET's default label column name, so trainers need no column arguments.</summary>
    public const string LabelColumnName = "Label";

    /// <summary>ML.NET's default feature column name.</summary>
    public const string FeaturesColumnName = "Features";

    /// <summary>The annotation kind ML.NET uses for a key's value names (MapKeyToValue, evaluators).</summary>
    public const string KeyValuesKind = "KeyValues";

    public const int LabelIndex = 0;
    public const int FeaturesIndex = 1;

    /// <summary>
    /// "Label" is a <c>uint</c> key of cardinality <c>classNames.Count</c> carrying the class names as
    /// KeyValues; "Features" is a known-size <c>float</c> vector of <paramref name="featureCount"/> slots.
    /// </summary>
    public static DataViewSchema Create(IReadOnlyList<string> classNames, int featureCount)
    {
        // A key's cardinality must be known and match the number of names, or MapKeyToValue and the
        // evaluators would label (or drop) classes wrongly.
        ReadOnlyMemory<char>[] names = classNames.Select(name => name.AsMemory()).ToArray();

        // ML.NET's AddKeyValues helper and its AnnotationUtils.Kinds constants are internal ([BestFriend]), so
        // the annotation is added by its well-known kind name; column.GetKeyValues reads it back.
        var labelAnnotations = new DataViewSchema.Annotations.Builder();
        labelAnnotations.Add(
            KeyValuesKind,
            new VectorDataViewType(TextDataViewType.Instance, names.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) =>
            {
                var editor = VBufferEditor.Create(ref value, names.Length);
                names.CopyTo(editor.Values);
                value = editor.Commit();
            });

        var builder = new DataViewSchema.Builder();
        builder.AddColumn(LabelColumnName, new KeyDataViewType(typeof(uint), names.Length), labelAnnotations.ToAnnotations());
        builder.AddColumn(FeaturesColumnName, new VectorDataViewType(NumberDataViewType.Single, featureCount));
        return builder.ToSchema();
    }

    /// <summary>Throws unless <paramref name="column"/> is a column of <paramref name="schema"/>.</summary>
    public static void RequireColumnOf(DataViewSchema schema, DataViewSchema.Column column)
    {
        if (column.Index < 0 || column.Index >= schema.Count || schema[column.Index].Name != column.Name)
        {
            throw new ArgumentException(
                $"Column '{column.Name}' (index {column.Index}) is not a column of this IDX data view; " +
                $"its columns are '{LabelColumnName}' and '{FeaturesColumnName}'.",
                nameof(column));
        }
    }
}

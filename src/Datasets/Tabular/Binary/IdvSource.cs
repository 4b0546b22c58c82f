using HybridSgd.Datasets.Tabular.Inference;
using HybridSgd.Pipeline.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Datasets.Tabular.Binary;

/// <summary>
/// Opens ML.NET binary (.idv) files. Their columns are typed already, so validation is about names and types;
/// the label's values are read once to infer the task.
/// </summary>
internal static class IdvSource
{
    public static RawTable OpenTraining(MLContext ml, string path, TabularOptions options)
    {
        IDataView data = Load(ml, path);
        DataViewSchema.Column label = Find(data, path, options.Label, "the label");
        TabularColumnKind labelKind = KindOf(label.Type) is { } k && k != TabularColumnKind.Vector
            ? k
            : throw new DatasetFormatException(
                path, $"the label has type {label.Type}; it must be a number, a Boolean or text.", column: label.Name);

        var features = options.Features is null
            ? data.Schema.Where(c => !c.IsHidden && c.Name != label.Name && KindOf(c.Type) is not null)
                .Select(c => Describe(c)).ToList()
            : options.Features.Select(name => Feature(data, path, name)).ToList();
        if (features.Count == 0)
        {
            throw new DatasetFormatException(path, $"no feature columns: no column besides the label '{label.Name}' is numeric or text.");
        }

        if (features.Any(f => f.Name == label.Name))
        {
            throw new DatasetFormatException(path, $"column '{label.Name}' is the label and cannot also be a feature.", column: label.Name);
        }

        if (features.Any(f => f.Name == DataColumns.Label))
        {
            throw new DatasetFormatException(
                path,
                $"a feature is named '{DataColumns.Label}', which the label output takes; rename the column or choose the features.",
                column: DataColumns.Label);
        }

        var profile = Profile(ml, data, path, label, labelKind);
        return new RawTable(path, data, TabularFormat.Idv, null, false, label.Name, features, profile, null);
    }

    /// <summary>The raw view and whether it has the label, after checking the spec's features are there with the same kinds.</summary>
    public static (IDataView Data, bool HasLabel) OpenScoring(MLContext ml, TabularSpec spec, string path, bool requireLabel)
    {
        IDataView data = Load(ml, path);
        foreach (TabularColumn expected in spec.Features)
        {
            TabularColumn found = Feature(data, path, expected.Name);
            if (found.Kind != expected.Kind || found.Size != expected.Size)
            {
                throw new DatasetFormatException(
                    path, $"the model needs a {Text(expected)} column, this file has a {Text(found)} one.", column: expected.Name);
            }
        }

        bool hasLabel = data.Schema.GetColumnOrNull(spec.Label) is not null;
        if (!hasLabel && requireLabel)
        {
            Find(data, path, spec.Label, "the label");
        }

        return (data, hasLabel);
    }

    private static IDataView Load(MLContext ml, string path)
    {
        try
        {
            IDataView data = ml.Data.LoadFromBinary(path);
            _ = data.Schema;
            return data;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not DatasetFormatException)
        {
            throw new DatasetFormatException(
                path,
                $"not an ML.NET binary data view (.idv) file ({ex.Message.Split('\n')[0].Trim()}). Write one with ml.Data.SaveAsBinary, " +
                "or set the format if the file is text.",
                innerException: ex);
        }
    }

    private static DataViewSchema.Column Find(IDataView data, string path, string name, string role)
        => data.Schema.GetColumnOrNull(name) is { IsHidden: false } column
            ? column
            : throw new DatasetFormatException(
                path,
                $"no column '{name}' ({role}); columns are: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}.",
                column: name);

    private static TabularColumn Feature(IDataView data, string path, string name)
    {
        DataViewSchema.Column column = Find(data, path, name, "a feature");
        return KindOf(column.Type) is null
            ? throw new DatasetFormatException(
                path, $"column '{name}' has type {column.Type}; a feature must be a number, a known-size vector of numbers, or text.", column: name)
            : Describe(column);
    }

    private static TabularColumn Describe(DataViewSchema.Column column)
        => column.Type is VectorDataViewType vector
            ? new TabularColumn(column.Name, TabularColumnKind.Vector, vector.Size)
            : new TabularColumn(column.Name, KindOf(column.Type)!.Value);

    private static TabularColumnKind? KindOf(DataViewType type) => type switch
    {
        NumberDataViewType or BooleanDataViewType => TabularColumnKind.Numeric,
        TextDataViewType => TabularColumnKind.Text,
        VectorDataViewType { IsKnownSize: true, ItemType: NumberDataViewType } => TabularColumnKind.Vector,
        _ => null,
    };

    private static string Text(TabularColumn column)
        => column.Kind == TabularColumnKind.Vector ? $"vector of {column.Size}" : column.Kind.ToString().ToLowerInvariant();

    private static LabelProfile Profile(MLContext ml, IDataView data, string path, DataViewSchema.Column label, TabularColumnKind kind)
    {
        var profile = new LabelProfile(label.Name, path);
        long row = 0;
        if (kind == TabularColumnKind.Text)
        {
            using var cursor = data.GetRowCursor([label]);
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(label);
            var value = default(ReadOnlyMemory<char>);
            while (cursor.MoveNext())
            {
                getter(ref value);
                if (value.IsEmpty)
                {
                    throw new DatasetFormatException(path, "the label is empty; every training row needs a label.", row: row, column: label.Name);
                }

                profile.AddText(value.ToString());
                row++;
            }

            return profile;
        }

        IDataView asSingle = ml.Transforms.Conversion.ConvertType(RawColumns.LabelValue, label.Name, DataKind.Single).Fit(data).Transform(data);
        var single = asSingle.Schema[RawColumns.LabelValue];
        using (var cursor = asSingle.GetRowCursor([single]))
        {
            var getter = cursor.GetGetter<float>(single);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                if (float.IsNaN(value))
                {
                    throw new DatasetFormatException(path, "the label is missing (NaN); every training row needs a label.", row: row, column: label.Name);
                }

                profile.AddNumber(value);
                row++;
            }
        }

        return profile;
    }
}

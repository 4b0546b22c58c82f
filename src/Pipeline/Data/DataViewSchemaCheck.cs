using Microsoft.ML;
using Microsoft.ML.Data;

namespace HybridSgd.Pipeline.Data;

/// <summary>
/// What the pipeline needs from a schema: a known-size float vector "Features" and a "Label" that is either a
/// UInt32 key with a known class count (classification) or a Single (regression).
/// </summary>
/// <param name="ClassCount">Classes of a key label; 0 for a Single (regression) label.</param>
internal sealed record DataViewSchemaCheck(int FeatureCount, int ClassCount)
{
    public bool IsRegression => ClassCount == 0;

    public static DataViewSchemaCheck Check(DataViewSchema schema)
    {
        var features = schema.GetColumnOrNull(DataColumns.Features)
            ?? throw new InvalidDataException($"The data has no '{DataColumns.Features}' column.");
        var label = schema.GetColumnOrNull(DataColumns.Label)
            ?? throw new InvalidDataException($"The data has no '{DataColumns.Label}' column.");
        if (features.Type is not VectorDataViewType { ItemType: NumberDataViewType, IsKnownSize: true } vector
            || vector.ItemType.RawType != typeof(float))
        {
            throw new InvalidDataException(
                $"Column '{DataColumns.Features}' must be a known-size vector of Single, not {features.Type}.");
        }

        if (label.Type == NumberDataViewType.Single)
        {
            return new DataViewSchemaCheck(vector.Size, 0);
        }

        if (label.Type is not KeyDataViewType key || key.RawType != typeof(uint) || key.Count == 0)
        {
            throw new InvalidDataException(
                $"Column '{DataColumns.Label}' must be a key of UInt32 with a known class count (classification) or a Single (regression), not {label.Type}.");
        }

        return new DataViewSchemaCheck(vector.Size, checked((int)key.Count));
    }
}

using System.Linq.Expressions;
using System.Reflection;
using Microsoft.ML.Data;

namespace HybridSgd.Embedding;

/// <summary>
/// Reads a user's own example class into features and a label, by the ML.NET attributes users already put on
/// such classes: the label is the property marked <c>[ColumnName("Label")]</c> (or named Label); the features are
/// the other public numeric and bool properties in declaration order, and <c>float[]</c> ones marked
/// <c>[VectorType(n)]</c>; <c>[NoColumn]</c> leaves a property out. The getters are compiled once: reading an
/// example boxes nothing.
/// </summary>
public sealed class ExampleMapper<T>
{
    private readonly Func<T, float> _label;
    private readonly Action<T, float[], int>[] _features;
    private readonly int[] _offsets;

    public ExampleMapper()
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<NoColumnAttribute>() is null)
            .OrderBy(p => p.MetadataToken)
            .ToArray();
        var label = properties.FirstOrDefault(p => p.GetCustomAttribute<ColumnNameAttribute>()?.Name == "Label")
            ?? properties.FirstOrDefault(p => p.Name == "Label")
            ?? throw new ArgumentException($"{typeof(T).Name} has no label: mark a property [ColumnName(\"Label\")] or name it Label.");
        var item = Expression.Parameter(typeof(T), "item");
        _label = Expression.Lambda<Func<T, float>>(Convert(item, label), item).Compile();

        var features = new List<Action<T, float[], int>>();
        var offsets = new List<int>();
        int width = 0;
        foreach (var property in properties.Where(p => p != label))
        {
            if (property.PropertyType == typeof(float[]))
            {
                int size = property.GetCustomAttribute<VectorTypeAttribute>()?.Dimensions is [int n] ? n
                    : throw new ArgumentException($"{typeof(T).Name}.{property.Name} is a float[]: give it its size with [VectorType(n)].");
                features.Add(CopyVector(property, size));
                offsets.Add(width);
                width += size;
            }
            else if (IsNumeric(property.PropertyType))
            {
                features.Add(Store(property));
                offsets.Add(width);
                width++;
            }
        }

        _features = [.. features];
        _offsets = [.. offsets];
        FeatureCount = width;
    }

    /// <summary>Features one example of <typeparamref name="T"/> makes.</summary>
    public int FeatureCount { get; }

    public float Label(T item) => _label(item);

    /// <summary>Writes <paramref name="item"/>'s features into <paramref name="destination"/> (at least <see cref="FeatureCount"/> long).</summary>
    public void Features(T item, float[] destination)
    {
        for (int i = 0; i < _features.Length; i++)
        {
            _features[i](item, destination, _offsets[i]);
        }
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(float) || type == typeof(double) || type == typeof(int) || type == typeof(long)
        || type == typeof(short) || type == typeof(byte) || type == typeof(bool);

    private static Expression Convert(Expression item, PropertyInfo property)
    {
        Expression value = Expression.Property(item, property);
        return property.PropertyType == typeof(bool)
            ? Expression.Condition(value, Expression.Constant(1f), Expression.Constant(0f))
            : Expression.Convert(value, typeof(float));
    }

    /// <summary>destination[offset] = (float)item.Property.</summary>
    private static Action<T, float[], int> Store(PropertyInfo property)
    {
        var item = Expression.Parameter(typeof(T), "item");
        var destination = Expression.Parameter(typeof(float[]), "destination");
        var offset = Expression.Parameter(typeof(int), "offset");
        var assign = Expression.Assign(Expression.ArrayAccess(destination, offset), Convert(item, property));
        return Expression.Lambda<Action<T, float[], int>>(assign, item, destination, offset).Compile();
    }

    /// <summary>Copies item.Property (a float[] of <paramref name="size"/>) into destination at offset.</summary>
    private static Action<T, float[], int> CopyVector(PropertyInfo property, int size)
    {
        var getter = (Func<T, float[]>)Delegate.CreateDelegate(typeof(Func<T, float[]>), property.GetGetMethod()!);
        string name = $"{typeof(T).Name}.{property.Name}";
        return (item, destination, offset) =>
        {
            var values = getter(item) ?? throw new ArgumentException($"{name} is null.");
            if (values.Length != size)
            {
                throw new ArgumentException($"{name} has {values.Length} values; [VectorType({size})] says {size}.");
            }

            values.CopyTo(destination, offset);
        };
    }
}

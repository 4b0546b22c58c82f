using System.Linq.Expressions;
using System.Reflection;
using Microsoft.ML.Data;

namespace HybridSgd.Embedding;

/// <summary>
/// Reads a user's own example class into features and a label, by the ML.NET attributes users already put on
/// such classes: the label is the member marked <c>[ColumnName("Label")]</c> (or named Label); the features are
/// the other public numeric and bool properties and fields in declaration order, and <c>float[]</c> ones marked
/// <c>[VectorType(n)]</c>; <c>[NoColumn]</c> leaves a member out. The getters are compiled once: reading an
/// example boxes nothing.
/// </summary>
public sealed class ExampleMapper<T>
{
    private readonly Func<T, float> _label;
    private readonly Action<T, float[], int>[] _features;
    private readonly int[] _offsets;

    public ExampleMapper()
    {
        // ML.NET's own reading of the attributes ([ColumnName], [VectorType], [NoColumn]) decides the columns, so
        // a class that already works with ML.NET means the same here.
        var columns = SchemaDefinition.Create(typeof(T), SchemaDefinition.Direction.Read)
            .Select(column => (Column: column, Member: Member(column.MemberName)))
            .OrderBy(pair => pair.Member.MetadataToken)
            .ToArray();
        var label = columns.FirstOrDefault(pair => pair.Column.ColumnName == "Label");
        if (label.Member is null)
        {
            throw new ArgumentException($"{typeof(T).Name} has no label: mark a property [ColumnName(\"Label\")] or name it Label.");
        }

        var item = Expression.Parameter(typeof(T), "item");
        _label = Expression.Lambda<Func<T, float>>(Convert(item, label.Member), item).Compile();

        var features = new List<Action<T, float[], int>>();
        var offsets = new List<int>();
        int width = 0;
        foreach (var (column, member) in columns.Where(pair => pair.Member != label.Member))
        {
            var type = MemberType(member);
            if (type == typeof(float[]))
            {
                int size = column.ColumnType is VectorDataViewType { Size: > 0 } vector ? vector.Size
                    : throw new ArgumentException($"{typeof(T).Name}.{member.Name} is a float[]: give it its size with [VectorType(n)].");
                features.Add(CopyVector(member, size));
                offsets.Add(width);
                width += size;
            }
            else if (IsNumeric(type))
            {
                features.Add(Store(member));
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

    private static MemberInfo Member(string name) =>
        (MemberInfo?)typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
        ?? typeof(T).GetField(name, BindingFlags.Public | BindingFlags.Instance)
        ?? throw new ArgumentException($"{typeof(T).Name} has no public member {name}.");

    private static Type MemberType(MemberInfo member) =>
        member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;

    private static Expression Convert(Expression item, MemberInfo member)
    {
        Expression value = Expression.MakeMemberAccess(item, member);
        return MemberType(member) == typeof(bool)
            ? Expression.Condition(value, Expression.Constant(1f), Expression.Constant(0f))
            : Expression.Convert(value, typeof(float));
    }

    /// <summary>destination[offset] = (float)item.Property.</summary>
    private static Action<T, float[], int> Store(MemberInfo member)
    {
        var item = Expression.Parameter(typeof(T), "item");
        var destination = Expression.Parameter(typeof(float[]), "destination");
        var offset = Expression.Parameter(typeof(int), "offset");
        var assign = Expression.Assign(Expression.ArrayAccess(destination, offset), Convert(item, member));
        return Expression.Lambda<Action<T, float[], int>>(assign, item, destination, offset).Compile();
    }

    /// <summary>Copies item.Member (a float[] of <paramref name="size"/>) into destination at offset.</summary>
    private static Action<T, float[], int> CopyVector(MemberInfo member, int size)
    {
        var item = Expression.Parameter(typeof(T), "item");
        var getter = Expression.Lambda<Func<T, float[]>>(Expression.MakeMemberAccess(item, member), item).Compile();
        string name = $"{typeof(T).Name}.{member.Name}";
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

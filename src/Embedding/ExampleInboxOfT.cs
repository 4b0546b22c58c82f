using System.Buffers;

namespace HybridSgd.Embedding;

/// <summary>
/// The inbox for the app's own example class: each item is read into features and a label by an
/// <see cref="ExampleMapper{T}"/> (no float arrays built by hand, no allocation per example) and written to the
/// <see cref="ExampleInbox"/>.
/// </summary>
public sealed class ExampleInbox<T>
{
    private readonly ExampleInbox _inbox;

    internal ExampleInbox(ExampleInbox inbox, ExampleMapper<T> mapper)
    {
        if (mapper.FeatureCount != inbox.FeatureCount)
        {
            throw new ArgumentException(
                $"{typeof(T).Name} makes {mapper.FeatureCount} features; {HybridSgdOptions.SectionName}:FeatureCount says {inbox.FeatureCount}.");
        }

        _inbox = inbox;
        Mapper = mapper;
    }

    public ExampleMapper<T> Mapper { get; }

    /// <inheritdoc cref="ExampleInbox.WriteAsync"/>
    public ValueTask WriteAsync(T item, CancellationToken cancellation = default)
    {
        var features = ArrayPool<float>.Shared.Rent(Mapper.FeatureCount);
        try
        {
            Mapper.Features(item, features);
            return _inbox.WriteAsync(features.AsSpan(0, Mapper.FeatureCount), Mapper.Label(item), cancellation);
        }
        finally
        {
            // WriteAsync copied the features before it returned, whatever it then waits for.
            ArrayPool<float>.Shared.Return(features);
        }
    }

    /// <inheritdoc cref="ExampleInbox.TryWrite"/>
    public bool TryWrite(T item)
    {
        var features = ArrayPool<float>.Shared.Rent(Mapper.FeatureCount);
        try
        {
            Mapper.Features(item, features);
            return _inbox.TryWrite(features.AsSpan(0, Mapper.FeatureCount), Mapper.Label(item));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
        }
    }
}

using System.Collections;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Fitted transformers applied in order, as ML.NET's <c>TransformerChain&lt;TLastTransformer&gt;</c>; what
/// <see cref="EstimatorChain{TLastTransformer}.Fit"/> and <see cref="ModelOperationsCatalog.Load"/> return.
/// Disposing the chain disposes every transformer in it.
/// </summary>
/// <typeparam name="TLastTransformer">The last transformer's type.</typeparam>
public sealed class TransformerChain<TLastTransformer> : ITransformer, IReadOnlyList<ITransformer>
    where TLastTransformer : class, ITransformer
{
    private readonly IReadOnlyList<ITransformer> transformers;

    internal TransformerChain(IReadOnlyList<ITransformer> transformers)
    {
        if (transformers.Count == 0 || transformers[^1] is not TLastTransformer)
            throw new ArgumentException($"a transformer chain must end with a {typeof(TLastTransformer).Name}", nameof(transformers));
        this.transformers = transformers;
    }

    /// <summary>The last transformer (for a trained pipeline, the classifier).</summary>
    public TLastTransformer LastTransformer => (TLastTransformer)transformers[^1];

    /// <inheritdoc />
    public int Count => transformers.Count;

    /// <inheritdoc />
    public ITransformer this[int index] => transformers[index];

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return transformers.Aggregate(input, (data, transformer) => transformer.Transform(data));
    }

    /// <inheritdoc />
    public IEnumerator<ITransformer> GetEnumerator() => transformers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Disposes every transformer.</summary>
    public void Dispose()
    {
        foreach (var transformer in transformers) transformer.Dispose();
    }
}

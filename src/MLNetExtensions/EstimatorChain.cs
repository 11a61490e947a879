namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Estimators fitted in order, as ML.NET's <c>EstimatorChain&lt;TLastTransformer&gt;</c>: each is fitted on the
/// data as the transformers before it left it; the last one's output is never computed during fitting.
/// </summary>
/// <typeparam name="TLastTransformer">What the last estimator produces.</typeparam>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly IReadOnlyList<IEstimator<ITransformer>> estimators;

    internal EstimatorChain(IReadOnlyList<IEstimator<ITransformer>> estimators) => this.estimators = estimators;

    /// <summary>The estimators, in fitting order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => estimators;

    /// <summary>A new chain that also fits <paramref name="estimator"/> after these.</summary>
    public EstimatorChain<TNewTransformer> Append<TNewTransformer>(IEstimator<TNewTransformer> estimator)
        where TNewTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewTransformer>([.. estimators, estimator]);
    }

    /// <inheritdoc />
    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fitted = new List<ITransformer>(estimators.Count);
        try
        {
            var data = input;
            for (var i = 0; i < estimators.Count; i++)
            {
                var transformer = estimators[i].Fit(data);
                fitted.Add(transformer);
                if (i < estimators.Count - 1) data = transformer.Transform(data);
            }
            return new TransformerChain<TLastTransformer>(fitted);
        }
        catch
        {
            foreach (var transformer in fitted) transformer.Dispose();
            throw;
        }
    }
}

/// <summary>Starts estimator chains, as ML.NET's <c>LearningPipelineExtensions.Append</c>.</summary>
public static class EstimatorExtensions
{
    /// <summary>A chain that fits <paramref name="start"/>, then <paramref name="estimator"/>.</summary>
    public static EstimatorChain<TTransformer> Append<TTransformer>(this IEstimator<ITransformer> start, IEstimator<TTransformer> estimator)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TTransformer>([start, estimator]);
    }
}

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Something that learns from data and produces a transformer, as ML.NET's <c>IEstimator&lt;TTransformer&gt;</c>.
/// Chain estimators with <see cref="EstimatorExtensions.Append{TTransformer}"/>.
/// </summary>
/// <typeparam name="TTransformer">The transformer <see cref="Fit"/> produces.</typeparam>
public interface IEstimator<out TTransformer> where TTransformer : class, ITransformer
{
    /// <summary>Learns from <paramref name="input"/> and returns the fitted transformer, which the caller disposes.</summary>
    /// <exception cref="ArgumentException">The data is not of the kind the estimator takes.</exception>
    TTransformer Fit(IDataView input);
}

/// <summary>
/// A fitted pipeline step, as ML.NET's <c>ITransformer</c>. Unlike ML.NET's, it is disposable: a trained
/// classifier holds native (libtorch) tensors that should be freed when it is no longer needed.
/// </summary>
public interface ITransformer : IDisposable
{
    /// <summary>Applies the step to <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">The data is not of the kind the transformer takes.</exception>
    IDataView Transform(IDataView input);
}

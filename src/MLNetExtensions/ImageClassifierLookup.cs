using Microsoft.ML;

namespace ModelZoo.MLNetExtensions;

/// <summary>Finds the zoo's classifier inside what Fit or Model.Load returns, which is usually a transformer chain.</summary>
public static class ImageClassifierLookup
{
    /// <summary>The first ImageClassifierTransformer in <paramref name="model"/> (searching nested chains), or null.</summary>
    public static ImageClassifierTransformer? FindImageClassifier(this ITransformer model) => model switch
    {
        ImageClassifierTransformer classifier => classifier,
        IEnumerable<ITransformer> chain => chain.Select(FindImageClassifier).FirstOrDefault(found => found is not null),
        _ => null,
    };
}

using System.Collections;

namespace ModelZoo.MLNetExtensions;

/// <summary>One scored example, with ML.NET's column names.</summary>
/// <param name="Label">The true class name.</param>
/// <param name="PredictedLabel">The class with the highest score.</param>
/// <param name="Score">Class probabilities (softmax), in the order of the model's class names.</param>
public sealed record ImagePrediction(string Label, string PredictedLabel, float[] Score)
{
    /// <summary>The true class's position among the model's classes; −1 when the model does not know the class.</summary>
    internal int LabelIndex { get; init; } = -1;
}

/// <summary>What a trained pipeline's <c>Transform</c> returns: one <see cref="ImagePrediction"/> per example, in data order.</summary>
public sealed class PredictionDataView : IDataView, IReadOnlyList<ImagePrediction>
{
    private readonly IReadOnlyList<ImagePrediction> rows;

    internal PredictionDataView(IReadOnlyList<string> classNames, IReadOnlyList<ImagePrediction> rows)
    {
        ClassNames = classNames;
        this.rows = rows;
    }

    /// <summary>The model's class names, in the order of every row's <see cref="ImagePrediction.Score"/>.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public int Count => rows.Count;

    /// <inheritdoc />
    public ImagePrediction this[int index] => rows[index];

    /// <inheritdoc />
    public IEnumerator<ImagePrediction> GetEnumerator() => rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

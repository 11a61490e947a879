namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Data flowing through a pipeline, as ML.NET's <c>IDataView</c>: images to learn from
/// (<see cref="ImageDataView"/>) or the predictions a trained model made (<see cref="PredictionDataView"/>).
/// </summary>
public interface IDataView
{
    /// <summary>Number of rows (examples).</summary>
    int Count { get; }

    /// <summary>Class names; label i names class <c>ClassNames[i]</c>.</summary>
    IReadOnlyList<string> ClassNames { get; }
}

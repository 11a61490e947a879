using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Scores one row at a time, what PredictionEngine and ML.NET's row-to-row mapping ask of a mapper (bulk
/// <c>Transform</c> scores in batches instead, <see cref="BatchScoredDataView"/>). One forward pass serves both
/// added columns of a row (<see cref="ClassifierOutputs"/>).
/// </summary>
internal sealed class ImageClassifierMapper : RowToRowTransformerBase.MapperBase
{
    private readonly ImageClassifierTransformer classifier;
    private readonly int featureColumn;
    // Both getters of a row share its scores; one row's getters never run on two threads at once.
    private readonly ConditionalWeakTable<DataViewRow, RowScores> rowScores = new();

    internal ImageClassifierMapper(ImageClassifierTransformer classifier, IHost host, DataViewSchema inputSchema)
        : base(host, inputSchema, classifier)
    {
        this.classifier = classifier;
        featureColumn = classifier.Input.FindColumn(inputSchema, classifier.FeatureColumnName);
    }

    public override DataViewSchema.DetachedColumn[] GetOutputColumnsCore() => ClassifierOutputs.Columns(classifier, InputSchema);

    public override Delegate MakeGetter(DataViewRow input, int iinfo, Func<int, bool> activeOutput, out Action disposer)
    {
        disposer = null!;
        var scores = rowScores.GetValue(input, row => new RowScores(row, classifier, classifier.Input.CreateReader(row, featureColumn)));
        return ClassifierOutputs.Getter(iinfo, scores.Current);
    }

    public override Func<int, bool> GetDependenciesCore(Func<int, bool> activeOutput)
    {
        var needed = activeOutput(ClassifierOutputs.Score) || activeOutput(ClassifierOutputs.PredictedLabel);
        return column => needed && column == featureColumn;
    }

    public override void SaveModel(ModelSaveContext ctx) => classifier.SaveModel(ctx);

    /// <summary>The probabilities of a row's current position, computed once per position.</summary>
    private sealed class RowScores(DataViewRow row, ImageClassifierTransformer classifier, Func<Image> readImage)
    {
        private long position = -1;
        private float[] probabilities = [];

        internal ReadOnlyMemory<float> Current()
        {
            if (row.Position != position)
            {
                probabilities = classifier.Score([readImage()]);
                position = row.Position;
            }
            return probabilities;
        }
    }
}

using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// Scores one row at a time (what PredictionEngine and ML.NET's lazy Transform ask of a mapper): <c>Score</c>, the
/// softmax probabilities, and <c>PredictedLabel</c>, the most likely class as a 1-based key. One forward pass serves
/// both columns of a row. Batched scoring for bulk Transform is a later step.
/// </summary>
internal sealed class ImageClassifierMapper : RowToRowTransformerBase.MapperBase
{
    private const int ScoreOutput = 0;
    private const int PredictedLabelOutput = 1;

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

    public override DataViewSchema.DetachedColumn[] GetOutputColumnsCore()
    {
        var classes = classifier.ClassNames.Count;
        var names = classifier.ClassNames.Select(n => n.AsMemory()).ToArray();
        var namesType = new VectorDataViewType(TextDataViewType.Instance, classes);
        var score = new DataViewSchema.Annotations.Builder();
        score.Add(AnnotationUtils.Kinds.SlotNames, namesType,
            (ref VBuffer<ReadOnlyMemory<char>> destination) => new VBuffer<ReadOnlyMemory<char>>(classes, names).CopyTo(ref destination));
        score.Add(AnnotationUtils.Kinds.ScoreColumnKind, TextDataViewType.Instance,
            (ref ReadOnlyMemory<char> value) => value = AnnotationUtils.Const.ScoreColumnKind.MulticlassClassification.AsMemory());
        score.Add(AnnotationUtils.Kinds.ScoreValueKind, TextDataViewType.Instance,
            (ref ReadOnlyMemory<char> value) => value = AnnotationUtils.Const.ScoreValueKind.Score.AsMemory());
        // Scores of several trainers in one view are told apart by this id, one above the highest already there.
        var setId = InputSchema.GetMaxAnnotationKind(out _, AnnotationUtils.Kinds.ScoreColumnSetId) + 1;
        score.Add(AnnotationUtils.Kinds.ScoreColumnSetId, AnnotationUtils.ScoreColumnSetIdType, (ref uint value) => value = setId);
        var predicted = new DataViewSchema.Annotations.Builder();
        if (classifier.KeyValues is { } keyValues)
        {
            keyValues.AddTo(score, AnnotationUtils.Kinds.TrainingLabelValues);
            keyValues.AddTo(predicted, AnnotationUtils.Kinds.KeyValues);
        }
        return
        [
            new DataViewSchema.DetachedColumn(classifier.ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, classes), score.ToAnnotations()),
            new DataViewSchema.DetachedColumn(classifier.PredictedLabelColumnName, new KeyDataViewType(typeof(uint), classes), predicted.ToAnnotations()),
        ];
    }

    public override Delegate MakeGetter(DataViewRow input, int iinfo, Func<int, bool> activeOutput, out Action disposer)
    {
        disposer = null!;
        var scores = rowScores.GetValue(input, row => new RowScores(row, classifier, classifier.Input.CreateReader(row, featureColumn)));
        if (iinfo == ScoreOutput)
            return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> destination) =>
            {
                var probabilities = scores.Current();
                var editor = VBufferEditor.Create(ref destination, probabilities.Length);
                probabilities.CopyTo(editor.Values);
                destination = editor.Commit();
            });
        return (ValueGetter<uint>)((ref uint key) => key = (uint)ArgMax(scores.Current()) + 1);
    }

    public override Func<int, bool> GetDependenciesCore(Func<int, bool> activeOutput)
    {
        var needed = activeOutput(ScoreOutput) || activeOutput(PredictedLabelOutput);
        return column => needed && column == featureColumn;
    }

    public override void SaveModel(ModelSaveContext ctx) => classifier.SaveModel(ctx);

    /// <summary>The first index of the largest value (ties go to the lower class, as ML.NET's own trainers do).</summary>
    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary>The probabilities of a row's current position, computed once per position.</summary>
    private sealed class RowScores(DataViewRow row, ImageClassifierTransformer classifier, Func<Image> readImage)
    {
        private long position = -1;
        private float[] probabilities = [];

        internal float[] Current()
        {
            if (row.Position != position)
            {
                probabilities = classifier.Score(readImage());
                position = row.Position;
            }
            return probabilities;
        }
    }
}

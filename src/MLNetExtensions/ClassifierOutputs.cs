using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions;

/// <summary>
/// The two columns a classifier adds, as the row mapper and the batched view both write them: <c>Score</c>, the
/// softmax probabilities with the class names as slot names, and <c>PredictedLabel</c>, the most likely class as a
/// 1-based key carrying the training label's values.
/// </summary>
internal static class ClassifierOutputs
{
    /// <summary>The index of <c>Score</c> among the added columns.</summary>
    internal const int Score = 0;

    /// <summary>The index of <c>PredictedLabel</c> among the added columns.</summary>
    internal const int PredictedLabel = 1;

    /// <summary>The added columns, annotated as ML.NET's multiclass evaluator expects them.</summary>
    internal static DataViewSchema.DetachedColumn[] Columns(ImageClassifierTransformer classifier, DataViewSchema inputSchema)
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
        var setId = inputSchema.GetMaxAnnotationKind(out _, AnnotationUtils.Kinds.ScoreColumnSetId) + 1;
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

    /// <summary>The getter of added column <paramref name="output"/>, reading the current row's probabilities from <paramref name="current"/>.</summary>
    internal static Delegate Getter(int output, Func<ReadOnlyMemory<float>> current)
    {
        if (output == Score)
            return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> destination) =>
            {
                var probabilities = current().Span;
                var editor = VBufferEditor.Create(ref destination, probabilities.Length);
                probabilities.CopyTo(editor.Values);
                destination = editor.Commit();
            });
        return (ValueGetter<uint>)((ref uint key) => key = (uint)ArgMax(current().Span) + 1);
    }

    /// <summary>The first index of the largest value (ties go to the lower class, as ML.NET's own trainers do).</summary>
    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelZoo.MLNetExtensions.Tests;

/// <summary>
/// Transform scores a batch of images per forward pass; what it gives must be what the row-by-row path
/// (PredictionEngine, the row mapper) gives, row for row, and it must behave as an IDataView to ML.NET's consumers.
/// "The same" is the same predicted label and probabilities within float32 rounding: libtorch's CPU convolutions
/// sum in an order that depends on the batch size (measured: a few units in the 7th digit between batches of 1, 7 and 64).
/// </summary>
[Collection(TrainedFashionCollection.Name)]
public sealed class BatchedTransformTests(TrainedFashionFixture fixture)
{
    /// <summary>Probabilities lie in 0..1, so float32 rounding of a different summation order stays far below this.</summary>
    private const float ProbabilityTolerance = 1e-5f;

    private ImageClassifierTransformer Classifier => ((IEnumerable<ITransformer>)fixture.Model).OfType<ImageClassifierTransformer>().Single();

    private sealed class Scored
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
    }

    [Theory]
    [InlineData(ImageClassifierTransformer.DefaultTransformBatchSize)]
    [InlineData(7)] // 300 rows: 42 full batches and a last one of 6
    public void Batched_scores_and_labels_are_the_row_by_row_ones(int batchSize)
    {
        var rows = fixture.Context.Data.CreateEnumerable<FashionRow>(fixture.Test, reuseRowObject: false).ToList();
        var engine = fixture.Context.Model.CreatePredictionEngine<FashionRow, Scored>(fixture.Model);
        var oneByOne = rows.Select(row => engine.Predict(row)).Select(p => (p.PredictedLabel, p.Score)).ToList();
        var classifier = Classifier;
        classifier.TransformBatchSize = batchSize;
        try
        {
            var batched = fixture.Context.Data.CreateEnumerable<Scored>(fixture.Model.Transform(fixture.Test), reuseRowObject: false).ToList();

            Assert.Equal(oneByOne.Count, batched.Count);
            Assert.Equal(oneByOne.Select(p => p.PredictedLabel), batched.Select(p => p.PredictedLabel));
            Assert.Equal(oneByOne.SelectMany(p => p.Score), batched.SelectMany(p => p.Score), (a, b) => Math.Abs(a - b) <= ProbabilityTolerance);
        }
        finally
        {
            classifier.TransformBatchSize = ImageClassifierTransformer.DefaultTransformBatchSize;
        }
    }

    [Fact]
    public void The_schema_is_the_row_mappers_with_the_same_annotations()
    {
        var batched = fixture.Model.Transform(fixture.Test).Schema;
        var rowByRow = ((IEnumerable<ITransformer>)fixture.Model).Aggregate(fixture.Test.Schema,
            (schema, transformer) => transformer.GetRowToRowMapper(schema).OutputSchema);

        Assert.Equal(rowByRow.Select(c => (c.Name, c.Type.ToString(), c.IsHidden)), batched.Select(c => (c.Name, c.Type.ToString(), c.IsHidden)));
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        batched["Score"].GetSlotNames(ref slotNames);
        Assert.Equal(Classifier.ClassNames, slotNames.DenseValues().Select(n => n.ToString()));
        Assert.Equal(rowByRow["Score"].Annotations.Schema.Select(c => c.Name), batched["Score"].Annotations.Schema.Select(c => c.Name));
    }

    [Fact]
    public void A_cursor_reads_one_batch_of_images_ahead_and_only_the_image_column()
    {
        var pulled = 0;
        var source = fixture.Context.Data.LoadFromEnumerable(Counted(fixture.Context.Data.CreateEnumerable<FashionRow>(fixture.Test, false).Take(40), () => pulled++));
        var classifier = Classifier;
        classifier.TransformBatchSize = 16;
        try
        {
            var keyed = ((IEnumerable<ITransformer>)fixture.Model).First().Transform(source);
            var scored = classifier.Transform(keyed);
            using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
            var getScore = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
            var score = default(VBuffer<float>);

            Assert.True(cursor.MoveNext());
            getScore(ref score);
            // One row on the cursor that keeps the position, sixteen on the look-ahead one.
            Assert.Equal(1 + 16, pulled);
            Assert.Equal(10, score.Length);
            var rows = 1;
            while (cursor.MoveNext()) rows++;
            Assert.Equal(40, rows);
            Assert.Equal(80, pulled);
        }
        finally
        {
            classifier.TransformBatchSize = ImageClassifierTransformer.DefaultTransformBatchSize;
        }
    }

    [Fact]
    public void A_cursor_set_is_one_cursor_in_input_order_and_ShuffleRows_shuffles_it()
    {
        var scored = fixture.Model.Transform(fixture.Test);
        var columns = new[] { scored.Schema["Label"], scored.Schema["Score"] };
        var expected = Rows(scored.GetRowCursor(columns));

        var set = scored.GetRowCursorSet(columns, 4, new Random(1));
        var shuffled = fixture.Context.Data.ShuffleRows(scored, seed: 2);

        Assert.False(scored.CanShuffle);
        Assert.Single(set);
        Assert.Equal(expected, Rows(set[0]));
        Assert.Equal(expected, Rows(scored.GetRowCursor(columns, new Random(3))));
        var mixed = Rows(shuffled.GetRowCursor(columns));
        Assert.NotEqual(expected, mixed);
        Assert.Equal(expected.Order(), mixed.Order());
    }

    [Fact]
    public void Evaluate_over_the_batched_view_matches_the_row_by_row_view()
    {
        var batched = fixture.Context.MulticlassClassification.Evaluate(fixture.Model.Transform(fixture.Test));
        var rowByRow = fixture.Context.MulticlassClassification.Evaluate(RowByRow(fixture.Test));

        Assert.Equal(rowByRow.MicroAccuracy, batched.MicroAccuracy);
        Assert.Equal(rowByRow.LogLoss, batched.LogLoss, 1e-5);
        Assert.Equal(rowByRow.ConfusionMatrix.Counts, batched.ConfusionMatrix.Counts);
    }

    [Fact]
    public void An_input_that_gives_a_second_cursor_fewer_rows_is_an_error_not_a_mislabelling()
    {
        var enumerations = 0;
        var rows = fixture.Context.Data.CreateEnumerable<FashionRow>(fixture.Test, false).Take(20).ToList();
        // The first cursor (the one keeping the position) sees 20 rows, the look-ahead one 10.
        var source = fixture.Context.Data.LoadFromEnumerable(Shrinking(rows, () => enumerations++ == 0 ? 20 : 10));
        var scored = fixture.Model.Transform(source);

        var error = Assert.Throws<InvalidOperationException>(() => scored.GetColumn<float[]>("Score").ToList());

        Assert.Contains("different rows at row 10", error.Message);
    }

    [Fact]
    public void Reading_the_batched_view_leaves_no_tensor_alive()
    {
        var scored = fixture.Model.Transform(fixture.Test);
        scored.GetColumn<float[]>("Score").ToList(); // the first read prepares the folded copy, which the transformer keeps

        TorchSharp.DisposeScopeManager.Statistics.Reset();
        var scores = scored.GetColumn<float[]>("Score").ToList();

        Assert.Equal(300, scores.Count);
        Assert.Equal(0, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    /// <summary>The fixture's pipeline applied through ML.NET's row-to-row mappers, the path PredictionEngine takes.</summary>
    private IDataView RowByRow(IDataView input) =>
        ((IEnumerable<ITransformer>)fixture.Model).Aggregate(input, (view, transformer) => transformer is ImageClassifierTransformer classifier
            ? ((RowToRowTransformerBase)classifier).Transform(view)
            : transformer.Transform(view));

    private static List<string> Rows(DataViewRowCursor cursor)
    {
        using (cursor)
        {
            var getLabel = cursor.GetGetter<uint>(cursor.Schema["Label"]);
            var getScore = cursor.GetGetter<VBuffer<float>>(cursor.Schema["Score"]);
            uint label = 0;
            var score = default(VBuffer<float>);
            var rows = new List<string>();
            while (cursor.MoveNext())
            {
                getLabel(ref label);
                getScore(ref score);
                rows.Add($"{label}:{string.Join(',', score.DenseValues())}");
            }
            return rows;
        }
    }

    private static IEnumerable<FashionRow> Counted(IEnumerable<FashionRow> rows, Action onEach)
    {
        foreach (var row in rows)
        {
            onEach();
            yield return row;
        }
    }

    private static IEnumerable<FashionRow> Shrinking(List<FashionRow> rows, Func<int> count)
    {
        foreach (var row in rows.Take(count())) yield return row;
    }
}

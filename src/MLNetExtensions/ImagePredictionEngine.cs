using ModelZoo.MLNetExtensions.Trainers;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Imaging;

namespace ModelZoo.MLNetExtensions;

/// <summary>A class and its probability.</summary>
/// <param name="Label">The class name.</param>
/// <param name="Probability">Its softmax probability.</param>
public readonly record struct LabelProbability(string Label, float Probability);

/// <summary>The classification of one image.</summary>
/// <param name="PredictedLabel">The most probable class.</param>
/// <param name="Score">Every class's probability, in the model's class order.</param>
/// <param name="TopK">The most probable classes, best first.</param>
public sealed record ImageClassificationResult(string PredictedLabel, float[] Score, IReadOnlyList<LabelProbability> TopK);

/// <summary>
/// Classifies single images (<c>ctx.Model.CreatePredictionEngine(model)</c>), as ML.NET's <c>PredictionEngine</c>:
/// files, encoded bytes (JPEG, PNG, BMP, …) or pixel buffers, with the preprocessing the model was trained with.
/// Not thread-safe; use one engine per thread.
/// </summary>
public sealed class ImagePredictionEngine
{
    private readonly ImageClassificationTransformer classifier;
    private readonly int topK;

    internal ImagePredictionEngine(ImageClassificationTransformer classifier, int topK)
    {
        this.classifier = classifier;
        this.topK = Math.Min(topK, classifier.ClassNames.Count);
    }

    /// <summary>The model's class names, in <see cref="ImageClassificationResult.Score"/> order.</summary>
    public IReadOnlyList<string> ClassNames => classifier.ClassNames;

    /// <summary>Classifies the image file at <paramref name="imagePath"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable image.</exception>
    public ImageClassificationResult Predict(string imagePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imagePath);
        return Predict(ImageDecoder.Decode(imagePath, classifier.Preprocessing.Channels));
    }

    /// <summary>Classifies an encoded image (the bytes of a JPEG, PNG, BMP, … file).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a readable image.</exception>
    public ImageClassificationResult Predict(byte[] encodedImage)
    {
        ArgumentNullException.ThrowIfNull(encodedImage);
        return Predict(ImageDecoder.Decode(encodedImage, classifier.Preprocessing.Channels));
    }

    /// <summary>Classifies raw 8-bit pixels stored row by row, channels interleaved (HWC).</summary>
    /// <param name="pixels">height × width × channels bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="channels">1 grey, 3 RGB, 4 RGBA (alpha is dropped).</param>
    /// <exception cref="ArgumentException">The buffer's length does not match the dimensions.</exception>
    public ImageClassificationResult Predict(byte[] pixels, int width, int height, int channels) =>
        Predict(new Image(width, height, channels, pixels));

    /// <summary>Classifies a decoded image; grey and colour are converted to what the model takes.</summary>
    public ImageClassificationResult Predict(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var score = classifier.Score(new SingleImageDataset(image, classifier.ClassNames))[0];
        var top = score.Select((probability, index) => new LabelProbability(ClassNames[index], probability))
            .OrderByDescending(p => p.Probability)
            .Take(topK)
            .ToArray();
        return new ImageClassificationResult(ClassNames[ImageClassificationTransformer.ArgMax(score)], score, top);
    }

    /// <summary>One image as a data set, so single predictions take the same batch path as <c>Transform</c>.</summary>
    private sealed class SingleImageDataset(Image image, IReadOnlyList<string> classNames) : IImageDataset
    {
        public int Count => 1;
        public IReadOnlyList<string> ClassNames => classNames;
        public int Channels => image.Channels;
        public (int Height, int Width)? FixedSize => (image.Height, image.Width);
        public int GetLabel(int index) => 0;
        public Image GetImage(int index) => image;
    }
}

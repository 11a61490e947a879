using Microsoft.ML;
using ModelZoo.Pipelines.Data;
using ModelZoo.Pipelines.Training;
using ModelZoo.Pipelines.Transforms;

namespace ModelZoo.MLNetExtensions;

public sealed partial class ImageClassifierTrainer
{
    /// <summary>Settings of <see cref="ImageClassifierTrainer"/>, ML.NET style: public fields with defaults.</summary>
    public sealed partial class Options
    {
        /// <summary>The key column of class labels.</summary>
        public string LabelColumnName = "Label";

        /// <summary>The image column: pixel values or encoded bytes (<see cref="ImageInputKind"/>).</summary>
        public string FeatureColumnName = "Features";

        /// <summary>The column the class probabilities are written to.</summary>
        public string ScoreColumnName = "Score";

        /// <summary>The column the predicted key is written to.</summary>
        public string PredictedLabelColumnName = "PredictedLabel";

        /// <summary>The registry name of the architecture, e.g. <c>mobilenet_v2</c> (<c>ModelRegistry.Default.List()</c> lists them).</summary>
        public string Architecture = "mobilenet_v2";

        /// <summary>Width multiplier for architectures built at any width (MobileNet V2/V3); null is the architecture's own.</summary>
        public double? WidthMultiplier;

        /// <summary>Passes over the training data.</summary>
        public int Epochs = 10;

        // The training settings below are null until set: null takes the value of the architecture family's recipe
        // (TrainingRecipes), and a value the user sets is used exactly as given.

        /// <summary>Images per optimizer step; null is the family's recipe (<see cref="TrainingRecipes"/>).</summary>
        public int? BatchSize;

        /// <summary>The optimizer; null is the family's recipe.</summary>
        public OptimizerKind? Optimizer;

        /// <summary>
        /// Peak learning rate; null is the family's recipe when its optimizer is in force, else the engine's default for
        /// the optimizer chosen (0.05 SGD, 1e-3 Adam/AdamW). Never rescaled.
        /// </summary>
        public double? LearningRate;

        /// <summary>Weight decay; null as <see cref="LearningRate"/> (the recipe's with its optimizer, else the optimizer's default).</summary>
        public double? WeightDecay;

        /// <summary>Label smoothing of the cross-entropy, in [0, 1); null is the family's recipe.</summary>
        public double? LabelSmoothing;

        /// <summary>Training-time augmentation (applied in Fit only, never when scoring); null is the family's recipe.</summary>
        public Augmentation? Augmentation;

        /// <summary>Learning-rate schedule shape; null is the family's recipe.</summary>
        public ScheduleKind? Schedule;

        /// <summary>Linear warm-up epochs at the start of the schedule; null is the family's recipe.</summary>
        public double? WarmupEpochs;

        /// <summary>Keep an exponential moving average of the weights with this decay and score with it; null is off.</summary>
        public double? EmaDecay;

        /// <summary>Clip the global gradient norm to this value; null is off.</summary>
        public double? GradientClipNorm;

        /// <summary>Rows to validate on after every epoch (same label and feature columns as the training data); null for none.</summary>
        public IDataView? ValidationSet;

        /// <summary>Fraction of the training rows held out for validation when <see cref="ValidationSet"/> is null; null for none.</summary>
        public double? ValidationFraction;

        /// <summary>Stop when a validation metric stops improving (needs a validation set or fraction); null trains every epoch.</summary>
        public EarlyStopping? EarlyStopping;

        /// <summary>Folder for per-epoch checkpoints (the last <see cref="KeepCheckpoints"/> and the best); null writes none.</summary>
        public string? CheckpointDirectory;

        /// <summary>Per-epoch checkpoints kept (the best is kept apart).</summary>
        public int KeepCheckpoints = 5;

        /// <summary>Continue an interrupted run: "latest" (the newest checkpoint in <see cref="CheckpointDirectory"/>) or a checkpoint file; null starts afresh.</summary>
        public string? Resume;

        /// <summary>Start from these weights (a PyTorch .pth or a ModelZoo model file); a fresh classifier when the class count differs.</summary>
        public string? InitialWeights;

        /// <summary>An unreadable image in training: skipped (and reported) or training stops naming it.</summary>
        public BadImagePolicy BadImages = BadImagePolicy.Skip;

        /// <summary>Called after every epoch with its record (loss, accuracy, learning rate, validation metrics).</summary>
        public Action<EpochRecord>? ProgressCallback;

        /// <summary>Reported to after every epoch, for UIs that take an <see cref="IProgress{T}"/>.</summary>
        public IProgress<EpochRecord>? Progress;

        /// <summary>Stops Fit between steps; ML.NET's own cancellation (the MLContext's) is honoured too.</summary>
        public CancellationToken CancellationToken;

        /// <summary>Height of the images in a flat pixel-vector column; null works it out (a square, or the vector's dimensions).</summary>
        public int? ImageHeight;

        /// <summary>Width of the images in a flat pixel-vector column; null works it out.</summary>
        public int? ImageWidth;

        /// <summary>Channels (1 grey, 3 RGB) of the pixel vectors, or those encoded images are decoded to (null: 3).</summary>
        public int? ImageChannels;

        /// <summary>Side of the square model input; null is the pixel vectors' size, or the first encoded image's larger side.</summary>
        public int? InputSize;

        /// <summary>Per-channel mean of the 0..1 pixel values for normalisation; null is ModelZoo's default (ImageNet's).</summary>
        public double[]? Mean;

        /// <summary>Per-channel standard deviation of the 0..1 pixel values; null is ModelZoo's default (ImageNet's).</summary>
        public double[]? Std;

        /// <summary>"cpu", "cuda", "cuda:N" or "auto"; null follows MLContext.GpuDeviceId and FallbackToCpu.</summary>
        public string? Device;

        /// <summary>Intra-op threads; null is ModelZoo's default (every logical processor).</summary>
        public int? Threads;

        /// <summary>Seed of weights, order and augmentation; null is the MLContext's seed (or 1 when it has none).</summary>
        public int? Seed;

        /// <summary>A copy that trains <paramref name="architecture"/> at <paramref name="widthMultiplier"/>: the family overloads leave the caller's options as they were.</summary>
        internal Options WithArchitecture(string architecture, double? widthMultiplier)
        {
            var copy = (Options)MemberwiseClone();
            copy.Architecture = architecture;
            copy.WidthMultiplier = widthMultiplier;
            return copy;
        }
    }
}

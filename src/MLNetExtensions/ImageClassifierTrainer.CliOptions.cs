using ModelZoo.Pipelines.Training;
using ModelZoo.TorchSharpAdditions;

namespace ModelZoo.MLNetExtensions;

public sealed partial class ImageClassifierTrainer
{
    // Settings a front end such as the modelzoo command needs beyond the per-epoch ones: step-level progress for
    // live bars, the run's whole record (which outlives a resumed process, unlike the per-epoch callbacks), and the
    // tensor layout the command line lets users choose.
    public sealed partial class Options
    {
        /// <summary>Called after every optimizer step (epoch, step, loss, accuracy, images per second), for progress bars.</summary>
        public Action<StepProgress>? StepCallback;

        /// <summary>
        /// Called once when Fit has trained, with the whole run: every epoch's record (also those finished before a
        /// <see cref="Resume"/>), the best epoch and whether early stopping ended it.
        /// </summary>
        public Action<TrainingResult>? Completed;

        /// <summary>Layout of activations and weights while training; null is the device's fastest (channels-last on the CPU).</summary>
        public MemoryFormat? MemoryFormat;

        /// <summary>A copy of every setting, for runs that share most of them (callbacks and the validation set are shared, not copied).</summary>
        public Options Clone() => (Options)MemberwiseClone();
    }
}

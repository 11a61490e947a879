using ModelZoo.Zoo;

namespace ModelZoo.MLNetExtensions;

public sealed partial class ImageClassifierTrainer
{
    public sealed partial class Options
    {
        /// <summary>The value of <see cref="Resume"/> that means the newest checkpoint in <see cref="CheckpointDirectory"/>.</summary>
        public const string ResumeLatest = "latest";

        /// <summary>
        /// Throws naming the first option whose value makes no sense on its own or with the others. The engine's
        /// settings (epochs, learning rate, device ...) are checked by <c>TrainerOptions.Validate</c>; these are the
        /// ones only the ML.NET trainer has, or that need the option's name to be understood.
        /// </summary>
        /// <exception cref="ArgumentException">A bad value; the message names the option.</exception>
        internal void Check()
        {
            foreach (var (name, value) in new[]
                     {
                         (nameof(LabelColumnName), LabelColumnName), (nameof(FeatureColumnName), FeatureColumnName),
                         (nameof(ScoreColumnName), ScoreColumnName), (nameof(PredictedLabelColumnName), PredictedLabelColumnName),
                     })
                if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} must name a column, got '{value}'");
            if (!ModelRegistry.Default.Contains(Architecture ?? ""))
                throw new ArgumentException($"Architecture: the zoo has no '{Architecture}'; closest: {string.Join(", ", ModelRegistry.Default.Suggest(Architecture ?? ""))}");
            if (WidthMultiplier is not null && !(WidthMultiplier > 0)) throw new ArgumentException($"WidthMultiplier must be positive, got {WidthMultiplier}");
            if (InputSize is < 8) throw new ArgumentException($"InputSize must be at least 8 px, got {InputSize}");
            if (ImageHeight is < 1 || ImageWidth is < 1)
                throw new ArgumentException($"ImageHeight and ImageWidth must be positive, got {ImageHeight}×{ImageWidth}");
            if (ImageChannels is not (null or 1 or 3)) throw new ArgumentException($"ImageChannels must be 1 or 3, got {ImageChannels}");
            if (Mean is null != Std is null || Mean is not null && (Mean.Length != Std!.Length || Mean.Length is not (1 or 3)))
                throw new ArgumentException($"Mean and Std must be given together, with 1 or 3 values each; got {Mean?.Length ?? 0} and {Std?.Length ?? 0}");
            if (Std is not null && Std.Any(s => !(s > 0))) throw new ArgumentException("Std values must be positive");
            if (WarmupEpochs is { } warmup && !(warmup >= 0)) throw new ArgumentException($"WarmupEpochs must not be negative, got {WarmupEpochs}");
            if (Threads is < 1) throw new ArgumentException($"Threads must be at least 1, got {Threads}");
            CheckValidation();
            CheckCheckpoints();
        }

        private void CheckValidation()
        {
            if (ValidationSet is not null && ValidationFraction is not null)
                throw new ArgumentException("set ValidationSet or ValidationFraction, not both");
            if (ValidationFraction is { } fraction && !(fraction > 0 && fraction < 1))
                throw new ArgumentException($"ValidationFraction must be in (0, 1), got {fraction}");
            if (EarlyStopping is { } stopping)
            {
                if (ValidationSet is null && ValidationFraction is null)
                    throw new ArgumentException("EarlyStopping needs a validation set: set ValidationSet or ValidationFraction");
                if (stopping.Patience < 1) throw new ArgumentException($"EarlyStopping.Patience must be at least 1, got {stopping.Patience}");
                if (!(stopping.MinDelta >= 0)) throw new ArgumentException($"EarlyStopping.MinDelta must not be negative, got {stopping.MinDelta}");
            }
        }

        private void CheckCheckpoints()
        {
            if (KeepCheckpoints < 1) throw new ArgumentException($"KeepCheckpoints must be at least 1, got {KeepCheckpoints}");
            if (Resume == ResumeLatest && CheckpointDirectory is null)
                throw new ArgumentException($"Resume = \"{ResumeLatest}\" needs a CheckpointDirectory to look in");
            if (Resume is not null && Resume != ResumeLatest && !File.Exists(Resume))
                throw new ArgumentException($"Resume: no checkpoint file at '{Resume}' (give a file or \"{ResumeLatest}\")");
            if (InitialWeights is not null && !File.Exists(InitialWeights))
                throw new ArgumentException($"InitialWeights: no weights file at '{InitialWeights}'");
        }
    }
}

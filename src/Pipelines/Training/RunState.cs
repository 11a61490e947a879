namespace ModelZoo.Pipelines.Training;

/// <summary>Where a training run stands after an epoch: what a checkpoint must hold to resume exactly.</summary>
public sealed record RunState
{
    /// <summary>Epochs finished.</summary>
    public int CompletedEpochs { get; init; }
    /// <summary>One record per finished epoch.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];
    /// <summary>The epoch with the best monitored metric so far (0 before any).</summary>
    public int BestEpoch { get; init; }
    /// <summary>The best monitored metric so far (higher is better; losses are negated).</summary>
    public double BestScore { get; init; } = double.NegativeInfinity;
    /// <summary>Epochs since the monitored metric last improved by at least the minimum delta.</summary>
    public int EpochsWithoutImprovement { get; init; }
    /// <summary>Early stopping ended the run.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>
    /// The state after <paramref name="record"/>. The monitored metric is the early-stopping metric, else
    /// validation accuracy, else (no validation set) the negated training loss.
    /// </summary>
    public RunState After(EpochRecord record, EarlyStopping? earlyStopping)
    {
        var score = earlyStopping?.Metric == "loss"
            ? -(record.ValidationLoss ?? record.TrainLoss)
            : record.ValidationAccuracy ?? -record.TrainLoss;
        var minDelta = earlyStopping?.MinDelta ?? 0;
        var improved = score > BestScore + minDelta || BestEpoch == 0;
        var stale = improved ? 0 : EpochsWithoutImprovement + 1;
        return this with
        {
            CompletedEpochs = record.Epoch,
            History = [.. History, record],
            BestEpoch = improved ? record.Epoch : BestEpoch,
            BestScore = improved ? score : BestScore,
            EpochsWithoutImprovement = stale,
            StoppedEarly = earlyStopping is not null && stale >= earlyStopping.Patience,
        };
    }
}

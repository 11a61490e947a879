namespace ModelZoo.Pipelines.Training;

/// <summary>The learning-rate schedules users expect (PyTorch's lr_scheduler, timm's cosine with warm-up).</summary>
public enum ScheduleKind
{
    /// <summary>The base rate throughout.</summary>
    Constant,
    /// <summary>Multiplied by gamma every step-size epochs (StepLR).</summary>
    Step,
    /// <summary>Linear warm-up, then cosine annealing to the minimum rate (seed 000/002: 0.05 → 0.0005, 4 warm-up epochs).</summary>
    Cosine,
    /// <summary>One-cycle (Smith): warm up to the maximum over 30% of training, then cosine down to max / 10⁴ (OneCycleLR).</summary>
    OneCycle,
}

/// <summary>A learning rate for every optimizer step: a pure function of the step, so a resumed run continues exactly.</summary>
public sealed record LearningRateSchedule
{
    /// <summary>The shape.</summary>
    public ScheduleKind Kind { get; init; } = ScheduleKind.Cosine;
    /// <summary>Peak (or constant) learning rate.</summary>
    public double BaseLearningRate { get; init; } = 0.05;
    /// <summary>Where cosine ends.</summary>
    public double MinLearningRate { get; init; }
    /// <summary>Linear warm-up epochs (cosine).</summary>
    public double WarmupEpochs { get; init; }
    /// <summary>Epochs between decays (step).</summary>
    public int StepSize { get; init; } = 30;
    /// <summary>Decay factor (step).</summary>
    public double Gamma { get; init; } = 0.1;

    /// <summary>The rate for 0-based optimizer step <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public double At(long step, long stepsPerEpoch, long totalSteps)
    {
        if (stepsPerEpoch < 1 || totalSteps < 1) throw new ArgumentException("a schedule needs at least one step per epoch");
        var epoch = (double)step / stepsPerEpoch;
        return Kind switch
        {
            ScheduleKind.Constant => BaseLearningRate,
            ScheduleKind.Step => BaseLearningRate * Math.Pow(Gamma, Math.Floor(epoch / StepSize)),
            ScheduleKind.Cosine => Cosine(step, stepsPerEpoch, totalSteps),
            ScheduleKind.OneCycle => OneCycle(step, totalSteps),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
    }

    private double Cosine(long step, long stepsPerEpoch, long totalSteps)
    {
        var warmupSteps = (long)Math.Round(WarmupEpochs * stepsPerEpoch);
        if (step < warmupSteps) return BaseLearningRate * (step + 1) / warmupSteps;
        var progress = Math.Min(1.0, (double)(step - warmupSteps) / Math.Max(1, totalSteps - warmupSteps));
        return MinLearningRate + (BaseLearningRate - MinLearningRate) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }

    private double OneCycle(long step, long totalSteps)
    {
        const double peakFraction = 0.3, initialDivisor = 25, finalDivisor = 1e4;
        var initial = BaseLearningRate / initialDivisor;
        var final = initial / finalDivisor;
        var peakStep = peakFraction * totalSteps - 1;
        static double Anneal(double from, double to, double fraction) => to + (from - to) / 2 * (1 + Math.Cos(Math.PI * fraction));
        return step <= peakStep
            ? Anneal(initial, BaseLearningRate, step / Math.Max(1, peakStep))
            : Anneal(BaseLearningRate, final, (step - peakStep) / Math.Max(1, totalSteps - 1 - peakStep));
    }

    /// <summary>Parses constant, step, cosine or onecycle.</summary>
    public static ScheduleKind ParseKind(string text) => text.Trim().ToLowerInvariant().Replace("-", "").Replace("_", "") switch
    {
        "constant" => ScheduleKind.Constant,
        "step" => ScheduleKind.Step,
        "cosine" => ScheduleKind.Cosine,
        "onecycle" => ScheduleKind.OneCycle,
        _ => throw new ArgumentException($"unknown schedule '{text}': expected constant, step, cosine or onecycle"),
    };
}

namespace ModelZoo.Pipelines.Transforms;

/// <summary>Training-time augmentation, applied on whole batches in libtorch where possible; deterministic for a seed.</summary>
public sealed record Augmentation
{
    /// <summary>Random crop back to the input size after zero padding by this many pixels (0 = off; seeds 000/003 use 4).</summary>
    public int RandomCropPadding { get; init; }
    /// <summary>Mirror left-right with probability 0.5.</summary>
    public bool HorizontalFlip { get; init; }
    /// <summary>Mirror top-bottom with probability 0.5 (seed 004).</summary>
    public bool VerticalFlip { get; init; }
    /// <summary>Random resized crop (scale 0.08–1, ratio 3/4–4/3) instead of resize + center crop, for photos.</summary>
    public bool RandomResizedCrop { get; init; }
    /// <summary>Probability of erasing a random rectangle (Zhong et al.; 0 = off).</summary>
    public double RandomErasing { get; init; }
    /// <summary>Mixup Beta(α, α) (0 = off).</summary>
    public double MixupAlpha { get; init; }
    /// <summary>CutMix Beta(α, α) (0 = off); with mixup too, each batch picks one at random.</summary>
    public double CutmixAlpha { get; init; }

    /// <summary>No augmentation.</summary>
    public static Augmentation None { get; } = new();

    /// <summary>The seeds' CIFAR recipe: random crop with padding 4 and horizontal flips.</summary>
    public static Augmentation Standard { get; } = new() { RandomCropPadding = 4, HorizontalFlip = true };

    /// <summary>The comma-separated form <see cref="Parse"/> reads back, e.g. <c>crop=4,hflip</c>; <c>none</c> when nothing is on.</summary>
    public string Describe()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        List<string> parts = [];
        if (RandomCropPadding > 0) parts.Add(string.Create(c, $"crop={RandomCropPadding}"));
        if (HorizontalFlip) parts.Add("hflip");
        if (VerticalFlip) parts.Add("vflip");
        if (RandomResizedCrop) parts.Add("rrc");
        if (RandomErasing > 0) parts.Add(string.Create(c, $"erase={RandomErasing}"));
        if (MixupAlpha > 0) parts.Add(string.Create(c, $"mixup={MixupAlpha}"));
        if (CutmixAlpha > 0) parts.Add(string.Create(c, $"cutmix={CutmixAlpha}"));
        return parts.Count == 0 ? "none" : string.Join(",", parts);
    }

    /// <summary>
    /// Parses a comma-separated list: none, standard, crop[=PAD], hflip, vflip, rrc, erase[=P], mixup[=A], cutmix[=A].
    /// </summary>
    public static Augmentation Parse(string text)
    {
        var result = new Augmentation();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split('=', 2);
            var name = parts[0].ToLowerInvariant();
            double Value(double fallback) => parts.Length == 2
                ? double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
                    : throw new ArgumentException($"augmentation '{raw}' has a value that is not a number")
                : fallback;
            result = name switch
            {
                "none" => result,
                "standard" => result with { RandomCropPadding = 4, HorizontalFlip = true },
                "crop" => result with { RandomCropPadding = (int)Value(4) },
                "hflip" => result with { HorizontalFlip = true },
                "vflip" => result with { VerticalFlip = true },
                "rrc" => result with { RandomResizedCrop = true },
                "erase" => result with { RandomErasing = Value(0.25) },
                "mixup" => result with { MixupAlpha = Value(0.2) },
                "cutmix" => result with { CutmixAlpha = Value(1.0) },
                _ => throw new ArgumentException($"unknown augmentation '{raw}': expected none, standard, crop[=PAD], hflip, vflip, rrc, erase[=P], mixup[=A], cutmix[=A]"),
            };
        }
        return result;
    }
}

using ModelZoo.Torch;
using ModelZoo.Torch.Modules;

namespace ModelZoo.Zoo.Layers;

/// <summary>Makes a fresh module fit the place of the one it replaces (a classifier swapped by ResetClassifier).</summary>
internal static class ModuleReplacement
{
    /// <summary>
    /// <paramref name="fresh"/> in <paramref name="replaced"/>'s training mode, its parameters on
    /// <paramref name="like"/>'s device and dtype, so an eval-mode or GPU model stays so after the swap.
    /// </summary>
    public static T MatchedTo<T>(this T fresh, Module replaced, Tensor like) where T : Module
    {
        fresh.train(replaced.training);
        fresh.to(like.device, like.dtype);
        return fresh;
    }
}

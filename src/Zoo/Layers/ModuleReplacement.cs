namespace ModelZoo.Zoo.Layers;

/// <summary>Puts a freshly built replacement module in the state of the one it replaces (fine-tuning heads).</summary>
internal static class ModuleReplacement
{
    /// <summary>Training mode of <paramref name="replaced"/>, device and type of <paramref name="like"/>.</summary>
    public static T MatchedTo<T>(this T fresh, nn.Module replaced, Tensor like) where T : nn.Module
    {
        fresh.train(replaced.training);
        return fresh.to(like.device, like.dtype);
    }
}

using TorchSharp;

namespace ModelZoo.Tests.Shared;

/// <summary>Checks on tensor values that the tests of several projects make.</summary>
internal static class TensorChecks
{
    /// <summary>Whether every element is finite (no NaN, no infinity).</summary>
    public static bool all_finite(this torch.Tensor tensor)
    {
        using var finite = tensor.isfinite();
        using var all = finite.all();
        return all.item<bool>();
    }

    /// <summary>The largest absolute element-wise difference between two tensors of one shape.</summary>
    public static double max_abs_diff(this torch.Tensor a, torch.Tensor b)
    {
        using var difference = a.sub(b);
        using var magnitude = difference.abs();
        using var largest = magnitude.max();
        return largest.to_type(torch.ScalarType.Float64).item<double>();
    }
}

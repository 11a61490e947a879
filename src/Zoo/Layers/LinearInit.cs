namespace ModelZoo.Zoo.Layers;

/// <summary>
/// nn.Linear's own initialisation (PyTorch's reset_parameters: weight Kaiming-uniform with a = √5, bias
/// uniform in ±1/√fan-in), for architectures that re-initialise their classifier the way PyTorch builds it.
/// TorchSharp applies it when a Linear is created but has no call to apply it again.
/// </summary>
internal static class LinearInit
{
    public static void ResetParameters(this Linear linear)
    {
        using var noGrad = no_grad();
        Init.kaiming_uniform_(linear.weight, Math.Sqrt(5));
        if (linear.bias is null) return;
        var bound = 1 / Math.Sqrt(linear.in_features);
        Init.uniform_(linear.bias, -bound, bound);
    }
}

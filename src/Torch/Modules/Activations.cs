using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Torch.Modules;

/// <summary>max(x, 0).</summary>
public sealed class ReLU(bool inplace = false) : TensorModule
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.relu(input, inplace);
}

/// <summary>min(max(x, 0), 6).</summary>
public sealed class ReLU6(bool inplace = false) : TensorModule
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.relu6(input, inplace);
}

/// <summary>x · relu6(x + 3) / 6.</summary>
public sealed class Hardswish(bool inplace = false) : TensorModule
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.hardswish(input, inplace);
}

/// <summary>relu6(x + 3) / 6.</summary>
public sealed class Hardsigmoid(bool inplace = false) : TensorModule
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.hardsigmoid(input, inplace);
}

/// <summary>1 / (1 + e^-x).</summary>
public sealed class Sigmoid : TensorModule
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.sigmoid(input);
}

/// <summary>x · sigmoid(x) (Swish).</summary>
public sealed class SiLU(bool inplace = false) : TensorModule
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.silu(input, inplace);
}

using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Torch.Modules;

/// <summary>Zeroes elements with probability p during training (torch.nn.Dropout).</summary>
public sealed class Dropout(double p = 0.5) : TensorModule
{
    /// <summary>Drop probability.</summary>
    public double P { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.dropout(input, P, training);
}

/// <summary>Merges dimensions start..end (torch.nn.Flatten; default keeps the batch dimension).</summary>
public sealed class Flatten(long startDim = 1, long endDim = -1) : TensorModule
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.flatten(startDim, endDim);
}

/// <summary>Returns its input (a new handle to the same tensor).</summary>
public sealed class Identity : TensorModule
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.alias();
}

using F = ModelZoo.Torch.torch.nn.functional;

namespace ModelZoo.Torch.Modules;

/// <summary>Fully-connected layer (torch.nn.Linear): y = x Wᵀ + b, weight [out, in].</summary>
public sealed class Linear : TensorModule
{
    /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
    public Linear(long inFeatures, long outFeatures, bool bias = true)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        weight = RegisterParameter("weight", torch.empty([outFeatures, inFeatures]))!;
        this.bias = RegisterParameter("bias", bias ? torch.empty([outFeatures]) : null);
        ResetParameters();
    }

    /// <summary>[out, in].</summary>
    public Parameter weight { get; }
    /// <summary>[out], or null.</summary>
    public Parameter? bias { get; }
    /// <summary>Input features.</summary>
    public long InFeatures { get; }
    /// <summary>Output features.</summary>
    public long OutFeatures { get; }

    /// <summary>PyTorch's default: Kaiming-uniform with a = √5, bias uniform in ±1/√in.</summary>
    public void ResetParameters()
    {
        torch.nn.init.kaiming_uniform_(weight, Math.Sqrt(5));
        if (bias is null) return;
        var bound = 1 / Math.Sqrt(InFeatures);
        torch.nn.init.uniform_(bias, -bound, bound);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => F.linear(input, weight, bias);
}

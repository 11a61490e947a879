
namespace ModelZoo.Zoo.Layers;

/// <summary>
/// The weight initialisation torchvision 0.14 gives its MobileNets (mobilenetv2.py and mobilenetv3.py share the
/// loop), and fresh classifier layers initialised the same way for <see cref="ClassificationModel.ResetClassifier"/>.
/// </summary>
internal static class MobileNetInit
{
    /// <summary>
    /// Convolutions kaiming_normal_ (fan-out, gain √2), conv biases 0; batch norms weight 1, bias 0;
    /// linear layers N(0, 0.01), bias 0.
    /// </summary>
    public static void Apply(nn.Module root)
    {
        using var noGrad = no_grad();
        // TorchSharp's named_modules leaves out the module itself (PyTorch's includes it): a fresh Linear is its own only module.
        foreach (var module in root.named_modules().Select(m => m.module).Prepend(root))
            switch (module)
            {
                case Conv2d conv:
                    Init.kaiming_normal_(conv.weight, mode: Init.FanInOut.FanOut, nonlinearity: Init.NonlinearityType.ReLU);
                    if (conv.bias is not null) Init.zeros_(conv.bias);
                    break;
                case BatchNorm2d bn:
                    Init.ones_(bn.weight);
                    Init.zeros_(bn.bias);
                    break;
                case Linear linear:
                    Init.normal_(linear.weight, 0, 0.01);
                    if (linear.bias is not null) Init.zeros_(linear.bias);
                    break;
            }
    }

    /// <summary>
    /// A freshly initialised Linear with <paramref name="replaced"/>'s inputs and <paramref name="outFeatures"/>
    /// outputs, in its training mode and on its device and dtype, to take its place.
    /// </summary>
    public static Linear FreshLinear(Linear replaced, int outFeatures)
    {
        var fresh = nn.Linear(replaced.in_features, outFeatures);
        Apply(fresh);
        return fresh.MatchedTo(replaced, replaced.weight);
    }
}

using ModelZoo.Torch;
using ModelZoo.Torch.Modules;
using Init = ModelZoo.Torch.torch.nn.init;

namespace ModelZoo.Zoo.Layers;

/// <summary>
/// The weight initialisation torchvision 0.14 gives its MobileNets (mobilenetv2.py and mobilenetv3.py share the
/// loop), and fresh classifiers initialised the same way for <see cref="ClassificationModel.ResetClassifier"/>.
/// </summary>
internal static class MobileNetInit
{
    /// <summary>
    /// Convolutions kaiming_normal_ (fan-out, gain √2), conv biases 0; batch norms weight 1, bias 0;
    /// linear layers N(0, 0.01), bias 0.
    /// </summary>
    public static void Apply(Module root)
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, module) in root.named_modules())
            switch (module)
            {
                case Conv2d conv:
                    Init.kaiming_normal_(conv.weight, mode: FanMode.FanOut, nonlinearity: NonlinearityType.ReLU);
                    if (conv.bias is not null) Init.zeros_(conv.bias);
                    break;
                case BatchNorm2d bn:
                    if (bn.weight is not null) Init.ones_(bn.weight);
                    if (bn.bias is not null) Init.zeros_(bn.bias);
                    break;
                case Linear linear:
                    Init.normal_(linear.weight, 0, 0.01);
                    if (linear.bias is not null) Init.zeros_(linear.bias);
                    break;
            }
    }

    /// <summary>
    /// A freshly initialised <paramref name="fresh"/> module made to match the one it replaces: same
    /// training mode, and parameters on <paramref name="like"/>'s device and dtype.
    /// </summary>
    public static T Matching<T>(T fresh, Module replaced, Tensor like) where T : Module
    {
        Apply(fresh);
        fresh.train(replaced.training);
        fresh.to(like.device, like.dtype);
        return fresh;
    }
}

// CBAM: Convolutional Block Attention Module — Woo, Park, Lee, Kweon, arXiv:1807.06521.
// Variant: ResNet-18 + CBAM from the paper's ImageNet experiments (§4.2); the ResNet is He et al.'s
// (arXiv:1512.03385, Table 1).
// No reference size is listed; the parameter count is ResNet-18's 11,689,512 plus, in each of the 8
// BasicBlocks of C channels, the shared MLP's 2·C·C/16 and the spatial conv's 2·7·7:
// 2·(2·(64² + 128² + 256² + 512²)/16) + 8·98 = 87,824, in all 11,777,336.
//
// CBAM (Layers/Cbam.cs) runs on each residual branch after its last BN, before the identity is added (Fig. 3),
// registered as "cbam" (layer1.0.cbam.ca.fc1.weight, layer1.0.cbam.sa.conv1.weight); everything else is
// torchvision's ResNet layout (see ResNet.cs). Small-input mode is the skeleton's: conv1 stride 1 (still 7×7,
// so the parameter count never changes) and no stem max-pool.

using ModelZoo.Zoo.Layers;

namespace ModelZoo.Zoo.Families;

/// <summary>CBAM-ResNets (Woo et al., arXiv:1807.06521): torchvision ResNets with a CBAM module per residual block.</summary>
public static class CbamResNet
{
    /// <summary>The channel-attention reduction ratio r (16, as in the authors' code and the SE-ResNets).</summary>
    public const int Reduction = 16;

    /// <summary>The spatial-attention kernel size (§3: 7×7, padding 3).</summary>
    public const int SpatialKernelSize = 7;

    /// <summary>CBAM on a residual branch of C channels, named "cbam".</summary>
    public static BlockAttention Attention { get; } =
        new("cbam", channels => new Cbam(channels, Reduction, SpatialKernelSize));

    /// <summary>ResNet-18 + CBAM: BasicBlocks 2, 2, 2, 2, each with channel then spatial attention (11,777,336 parameters at 1000 classes).</summary>
    [RegisteredModel("cbam_resnet18", "CbamResNet", Description = "ResNet-18 + CBAM, reduction 16, 7x7 spatial")]
    public static ResNet CbamResNet18(ModelOptions options) => new(options, 18, Attention);
}

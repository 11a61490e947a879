namespace ModelZoo.TorchSharpAdditions;

/// <summary>
/// Channels-last for TorchSharp tensors and modules, which TorchSharp 0.107 lacks (no <c>memory_format</c>
/// argument on <c>to</c>, <c>contiguous</c> or <c>is_contiguous</c>). The layout is reached through strides:
/// <c>x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2)</c> has NCHW sizes and NHWC strides, exactly the
/// strides PyTorch's <c>x.to(memory_format=torch.channels_last)</c> gives, including for 1×1 and depthwise
/// weights (sizes of 1), and libtorch's convolutions read the layout from the strides and keep it.
/// </summary>
public static class ChannelsLast
{
    /// <summary>
    /// A tensor with <paramref name="tensor"/>'s values in <paramref name="format"/> (a new tensor the caller
    /// owns; a copy only when the layout changes). Tensors that are not 4-D come back as an alias.
    /// </summary>
    public static Tensor to(this Tensor tensor, MemoryFormat format)
    {
        if (tensor.dim() != 4) return tensor.alias();
        if (format == MemoryFormat.ChannelsLast)
        {
            if (tensor.is_channels_last()) return tensor.alias();
            using var nhwc = tensor.permute(0, 2, 3, 1);
            using var dense = nhwc.contiguous();
            return dense.permute(0, 3, 1, 2);
        }
        return tensor.contiguous();
    }

    /// <summary>Whether <paramref name="tensor"/> is a dense 4-D tensor with channels-last strides.</summary>
    public static bool is_channels_last(this Tensor tensor)
    {
        if (tensor.dim() != 4) return false;
        var size = tensor.shape;
        var stride = tensor.stride();
        long expected = 1;
        // Innermost first: C, then W, then H, then N. A dimension of size 1 may carry any stride, as in PyTorch.
        foreach (var dim in new[] { 1, 3, 2, 0 })
        {
            if (size[dim] != 1 && stride[dim] != expected) return false;
            expected *= size[dim];
        }
        return true;
    }

    /// <summary>
    /// Lays out every 4-D parameter and buffer of <paramref name="module"/> in <paramref name="format"/>, in
    /// place (PyTorch's <c>module.to(memory_format=...)</c>); gradients and optimizer state built afterwards follow.
    /// </summary>
    public static T to<T>(this T module, MemoryFormat format) where T : nn.Module
    {
        using var noGrad = no_grad();
        foreach (var parameter in module.parameters())
            Relayout(parameter, format);
        foreach (var buffer in module.buffers())
            Relayout(buffer, format);
        return module;
    }

    private static void Relayout(Tensor tensor, MemoryFormat format)
    {
        if (tensor.dim() != 4) return;
        using var converted = tensor.to(format);
        if (converted.stride().SequenceEqual(tensor.stride())) return;
        tensor.set_(converted);
    }
}

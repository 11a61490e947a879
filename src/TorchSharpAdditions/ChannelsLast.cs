namespace ModelZoo.TorchSharpAdditions;

/// <summary>
/// Channels-last for TorchSharp tensors and modules, which TorchSharp 0.107 lacks (no <c>memory_format</c>
/// argument on <c>to</c>, <c>contiguous</c> or <c>is_contiguous</c>). The layout is reached through strides: the
/// values copied into a dense [N, H, W, C] buffer and viewed back as [N, C, H, W] have exactly the strides
/// PyTorch's <c>x.to(memory_format=torch.channels_last)</c> gives, including for 1×1 and depthwise weights
/// (sizes of 1), and libtorch's convolutions read the layout from the strides and keep it.
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
            if (HasCanonicalChannelsLastStrides(tensor)) return tensor.alias();
            // A fresh NHWC buffer rather than permute().contiguous(): libtorch counts an NHWC view of a 1×1 or
            // depthwise weight as contiguous already and would hand back the NCHW strides unchanged.
            var (n, c, h, w) = (tensor.shape[0], tensor.shape[1], tensor.shape[2], tensor.shape[3]);
            using var nhwc = empty([n, h, w, c], tensor.dtype, tensor.device);
            using var permuted = tensor.permute(0, 2, 3, 1);
            nhwc.copy_(permuted);
            return nhwc.permute(0, 3, 1, 2);
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

    // Exactly the strides PyTorch's conversion gives, size-1 dimensions included: for those, NCHW strides pass the
    // size-aware check above too, but libtorch's suggest_memory_format reads the strides as written and would take
    // the NCHW path (and reorder 1×1 and depthwise weights on every call).
    private static bool HasCanonicalChannelsLastStrides(Tensor tensor)
    {
        var (size, stride) = (tensor.shape, tensor.stride());
        return stride[1] == 1 && stride[3] == size[1] && stride[2] == size[1] * size[3] && stride[0] == size[1] * size[2] * size[3];
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

namespace ModelZoo.Zoo.Layers;

/// <summary>
/// Conv → BatchNorm folding for inference (what torch.fx's fuse pass does for PyTorch; TorchSharp has no
/// equivalent): one traced forward pass finds every <see cref="BatchNorm2d"/> whose input is exactly a Conv2d's
/// output, and each such pair becomes one convolution. Saves a full read and write of every feature map.
/// </summary>
public static class BatchNormFolding
{
    /// <summary>
    /// Folds the batch norms of <paramref name="model"/> (in eval mode) into their convolutions, tracing with
    /// <paramref name="example"/>; returns how many were folded. A convolution or batch norm that runs more than
    /// once per forward, or a convolution whose output feeds anything besides one batch norm in the traced
    /// modules, is left alone.
    /// </summary>
    public static int Fold(nn.Module<Tensor, Tensor> model, Tensor example)
    {
        if (model.training) throw new InvalidOperationException("batch-norm folding needs a model in eval mode");
        var producers = new Dictionary<Tensor, Conv2d>(ReferenceEqualityComparer.Instance);
        var consumers = new Dictionary<Conv2d, List<nn.Module>>(ReferenceEqualityComparer.Instance);
        var calls = new Dictionary<nn.Module, int>(ReferenceEqualityComparer.Instance);
        var pairs = new List<(Conv2d conv, BatchNorm2d bn)>();
        var removers = new List<Action>();
        try
        {
            foreach (var (_, module) in model.named_modules())
                if (module is nn.Module<Tensor, Tensor> leaf && !module.named_children().Any())
                {
                    var remover = leaf.register_forward_hook((m, input, output) =>
                    {
                        calls[m] = calls.GetValueOrDefault(m) + 1;
                        if (producers.TryGetValue(input, out var conv)) consumers[conv].Add(m);
                        if (m is BatchNorm2d bn && conv is not null) pairs.Add((conv, bn));
                        if (m is Conv2d producer)
                        {
                            producers[output] = producer;
                            consumers.TryAdd(producer, []);
                        }
                        return null!;
                    });
                    removers.Add(remover.remove);
                }
            using var scope = NewDisposeScope();
            using var inference = inference_mode();
            using var _ = model.call(example);
        }
        finally
        {
            foreach (var remove in removers) remove();
        }
        var folded = 0;
        foreach (var (conv, bn) in pairs)
        {
            if (calls[conv] != 1 || calls[bn] != 1 || consumers[conv].Count != 1 || bn.IsFolded) continue;
            bn.FoldInto(conv);
            folded++;
        }
        return folded;
    }
}

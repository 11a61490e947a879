namespace ModelZoo.Torch.Modules;

/// <summary>
/// Conv → BatchNorm folding for inference (what torch.fx's fuse pass does for PyTorch): one traced forward
/// pass finds every BatchNorm2d whose input is exactly a Conv2d's output, and each such pair becomes one
/// convolution. Saves a full read and write of every feature map at inference.
/// </summary>
public static class BatchNormFolding
{
    /// <summary>
    /// Folds the batch norms of <paramref name="model"/> (in eval mode) into their convolutions, tracing
    /// with <paramref name="example"/>; returns how many were folded. A convolution or batch norm that runs
    /// more than once per forward, or a convolution whose output feeds anything besides one batch norm
    /// in the traced modules, is left alone.
    /// </summary>
    public static int Fold(TensorModule model, Tensor example)
    {
        if (model.training) throw new InvalidOperationException("batch-norm folding needs a model in eval mode");
        var producers = new Dictionary<Tensor, Conv2d>(ReferenceEqualityComparer.Instance);
        var consumers = new Dictionary<Conv2d, List<Module>>(ReferenceEqualityComparer.Instance);
        var calls = new Dictionary<Module, int>(ReferenceEqualityComparer.Instance);
        var pairs = new List<(Conv2d conv, BatchNorm2d bn)>();
        var hooks = new List<IDisposable>();
        try
        {
            foreach (var (_, module) in model.named_modules())
                if (module is TensorModule leaf && !module.named_children().Any())
                    hooks.Add(leaf.register_forward_hook((m, input, output) =>
                    {
                        calls[m] = calls.GetValueOrDefault(m) + 1;
                        if (producers.TryGetValue(input, out var conv)) consumers[conv].Add(m);
                        if (m is BatchNorm2d bn && conv is not null) pairs.Add((conv, bn));
                        if (m is Conv2d producer)
                        {
                            producers[output] = producer;
                            consumers.TryAdd(producer, []);
                        }
                    }));
            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            using var _ = model.call(example);
        }
        finally
        {
            foreach (var hook in hooks) hook.Dispose();
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

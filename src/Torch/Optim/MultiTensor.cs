using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch.Optim;

/// <summary>
/// The multi-tensor updates of native/include/modelzoo/optim.h: one native call per parameter group
/// (libtorch's _foreach_* kernels) instead of several per parameter.
/// </summary>
internal static unsafe class MultiTensor
{
    /// <summary>Adam or AdamW over parallel lists of parameters, gradients and moment estimates.</summary>
    public static void Adam(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> grads, IReadOnlyList<Tensor> expAvgs,
        IReadOnlyList<Tensor> expAvgSqs, double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupled, long step)
    {
        var n = SameLength(parameters, grads, expAvgs, expAvgSqs);
        var (p, g, m, v) = (torch.Handles(parameters), torch.Handles(grads), torch.Handles(expAvgs), torch.Handles(expAvgSqs));
        fixed (IntPtr* pp = p, gp = g, mp = m, vp = v)
            Check(mz_optim_adam_(pp, gp, mp, vp, n, lr, beta1, beta2, eps, weightDecay, decoupled ? 1 : 0, step));
        GC.KeepAlive(parameters);
        GC.KeepAlive(grads);
        GC.KeepAlive(expAvgs);
        GC.KeepAlive(expAvgSqs);
    }

    /// <summary>SGD over parallel lists; <paramref name="buffers"/> is null without momentum.</summary>
    public static void Sgd(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> grads, IReadOnlyList<Tensor>? buffers,
        double lr, double momentum, double dampening, double weightDecay, bool nesterov, bool first)
    {
        var n = SameLength(parameters, grads, buffers ?? grads, grads);
        var (p, g) = (torch.Handles(parameters), torch.Handles(grads));
        var b = buffers is null ? null : torch.Handles(buffers);
        fixed (IntPtr* pp = p, gp = g, bp = b)
            Check(mz_optim_sgd_(pp, gp, bp, n, lr, momentum, dampening, weightDecay, nesterov ? 1 : 0, first ? 1 : 0));
        GC.KeepAlive(parameters);
        GC.KeepAlive(grads);
        GC.KeepAlive(buffers);
    }

    private static int SameLength(IReadOnlyList<Tensor> a, IReadOnlyList<Tensor> b, IReadOnlyList<Tensor> c, IReadOnlyList<Tensor> d) =>
        a.Count == b.Count && a.Count == c.Count && a.Count == d.Count
            ? a.Count
            : throw new ArgumentException($"multi-tensor update needs lists of one length, got {a.Count}, {b.Count}, {c.Count} and {d.Count}");
}

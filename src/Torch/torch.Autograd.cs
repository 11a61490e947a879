using static ModelZoo.Torch.NativeMethods;

namespace ModelZoo.Torch;

public static partial class torch
{
    /// <summary>Whether autograd records operations on this thread.</summary>
    public static bool is_grad_enabled()
    {
        Check(mz_is_grad_enabled(out var value));
        return value != 0;
    }

    /// <summary>Turns gradient recording off until the returned guard is disposed.</summary>
    public static IDisposable no_grad() => new GradModeGuard(false);

    /// <summary>Turns gradient recording on until the returned guard is disposed.</summary>
    public static IDisposable enable_grad() => new GradModeGuard(true);

    /// <summary>
    /// libtorch's inference mode until the returned guard is disposed: no autograd bookkeeping at all
    /// (faster than no_grad). Tensors made inside cannot later take part in autograd.
    /// </summary>
    public static IDisposable inference_mode()
    {
        Check(mz_inference_mode_enter(out var guard));
        return new InferenceModeGuard(guard);
    }

    private sealed class GradModeGuard : IDisposable
    {
        private readonly bool previous;
        private bool disposed;

        internal GradModeGuard(bool enabled)
        {
            previous = is_grad_enabled();
            Check(mz_set_grad_enabled(enabled ? 1 : 0));
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            Check(mz_set_grad_enabled(previous ? 1 : 0));
        }
    }

    private sealed class InferenceModeGuard(IntPtr guard) : IDisposable
    {
        private IntPtr guard = guard;

        public void Dispose()
        {
            if (guard == IntPtr.Zero) return;
            Check(mz_guard_free(guard));
            guard = IntPtr.Zero;
        }
    }
}

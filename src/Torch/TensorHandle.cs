using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

/// <summary>
/// Owns one native at::Tensor. A tensor that is never disposed is still freed by the
/// finalizer; disposal (directly or through a dispose scope) frees it promptly.
/// </summary>
internal sealed class TensorHandle : SafeHandle
{
    internal TensorHandle(IntPtr native, bool counted = true) : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(native);
        if (counted) TensorStatistics.OnCreated();
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    // An invalid (empty) handle is never released, so only counted handles reach here.
    protected override bool ReleaseHandle()
    {
        TensorStatistics.OnFreed();
        // mz_tensor_free cannot fail for a valid handle; the status is ignored on this path.
        return NativeMethods.mz_tensor_free(handle) == 0;
    }
}

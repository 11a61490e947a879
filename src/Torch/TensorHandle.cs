using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

/// <summary>
/// Owns one native at::Tensor. A tensor that is never disposed is still freed by the
/// finalizer; disposal (directly or through a dispose scope) frees it promptly.
/// </summary>
internal sealed class TensorHandle : SafeHandle
{
    internal TensorHandle(IntPtr native) : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(native);
        TensorStatistics.OnCreated();
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TensorStatistics.OnFreed();
        // mz_tensor_free cannot fail for a valid handle; the status is ignored on this path.
        return NativeMethods.mz_tensor_free(handle) == 0;
    }
}

using System.Runtime.InteropServices;

namespace ModelZoo.Torch;

// Mirrors native/include/modelzoo/optim.h.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int mz_optim_adam_(IntPtr* parameters, IntPtr* grads, IntPtr* expAvgs, IntPtr* expAvgSqs, long n,
        double lr, double beta1, double beta2, double eps, double weightDecay, int decoupled, long step);
    [LibraryImport(Lib)] internal static partial int mz_optim_sgd_(IntPtr* parameters, IntPtr* grads, IntPtr* momentumBuffers, long n,
        double lr, double momentum, double dampening, double weightDecay, int nesterov, int first);
}
